/* form-values.c — being written. */
#include "form-private.h"
