// libxml2 as the workbook layer uses it: the SAX2 push parser only.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU headers clash with Foundation's own ICU module.
// Nothing here touches xmlCharEncodingHandler's ICU fields, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
