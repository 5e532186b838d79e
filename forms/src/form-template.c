/* form-template.c — being written. */
#include "form-private.h"
