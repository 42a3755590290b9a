// libxml2 for Capstan: the streaming reader, the HTML parser (to check reports) and the error
// hooks, nothing else.
//
// Debian builds libxml2 with ICU; its headers then include ICU's, which clash with the ICU
// that Foundation brings on Linux. Capstan never uses libxml2's ICU encoding support.
#ifndef CAPSTAN_CLIBXML2_SHIM_H
#define CAPSTAN_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlIO.h>
#include <libxml/HTMLparser.h>

// `xmlFree` is a global function pointer, which Swift 6 refuses to call (shared mutable state).
static inline void capstan_xml_free(void *pointer) { xmlFree(pointer); }

// A structured error handler that keeps errors away from stderr; `context` is passed through.
static inline void capstan_xml_silence_generic(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

static inline void capstan_xml_install_quiet_generic(void) {
  xmlSetGenericErrorFunc(NULL, capstan_xml_silence_generic);
}

#endif
