/* form-render-stub.c — being written. */
#include "form-private.h"
