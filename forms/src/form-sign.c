/* form-sign.c — being written. */
#include "form-private.h"
