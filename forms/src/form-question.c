/* form-question.c — being written. */
#include "form-private.h"
