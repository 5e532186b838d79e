/* form-noprint.c — being written. */
#include "form-private.h"
