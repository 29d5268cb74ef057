/*
 * read_floor: the C floor for reading an XLSX sheet, with the same libraries and the same walk as
 * `juesuan dump --format tsv`: libzip streams the parts in 256 KiB chunks into a libxml2 SAX2 push
 * parser (no tree, no DTD, no entities, no network), shared strings are resolved by index, and every
 * row is written as tsv (row number, a tab per column, strings escaped as the dump escapes them) to
 * stdout through one buffer. No Swift. It knows only what the benchmark sheet needs: the first sheet
 * of xl/workbook.xml at xl/worksheets/sheet1.xml, xl/sharedStrings.xml, no styles (no date formats).
 *
 * Build: cc -O2 -o read_floor read_floor.c $(pkg-config --cflags --libs libzip libxml-2.0)
 * Usage: read_floor FILE.xlsx > out.tsv
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define CHUNK (1 << 18)

/* ---------- growable byte buffer ---------- */
typedef struct { char *p; size_t n, cap; } buf_t;
static void buf_put(buf_t *b, const char *s, size_t n) {
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n) cap *= 2;
        b->p = realloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* ---------- output ---------- */
static buf_t out;
static void out_flush_if_needed(void) {
    if (out.n >= (1 << 16)) { fwrite(out.p, 1, out.n, stdout); out.n = 0; }
}
static void out_escaped(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
            char e[2] = {'\\', c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
            buf_put(&out, s, i); buf_put(&out, e, 2);
            s += i + 1; n -= i + 1; i = (size_t)-1;
        }
    }
    buf_put(&out, s, n);
}

/* ---------- streaming a part through a SAX2 push parser ---------- */
static int parse_part(zip_t *za, const char *name, xmlSAXHandler *sax, void *user) {
    zip_file_t *f = zip_fopen(za, name, 0);
    if (!f) { fprintf(stderr, "missing part %s\n", name); return -1; }
    char *chunk = malloc(CHUNK);
    xmlParserCtxtPtr ctx = NULL;
    int rc = 0;
    for (;;) {
        zip_int64_t n = zip_fread(f, chunk, CHUNK);
        if (n < 0) { rc = -1; break; }
        if (!ctx) {
            ctx = xmlCreatePushParserCtxt(sax, user, chunk, (int)n, NULL);
            xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOWARNING);
            ctx->replaceEntities = 0;
            ctx->loadsubset = 0;
            if (n == 0) { rc = xmlParseChunk(ctx, NULL, 0, 1); break; }
        } else if (n == 0) {
            rc = xmlParseChunk(ctx, NULL, 0, 1);
            break;
        } else if ((rc = xmlParseChunk(ctx, chunk, (int)n, 0)) != 0) {
            break;
        }
    }
    if (ctx) xmlFreeParserCtxt(ctx);
    free(chunk);
    zip_fclose(f);
    if (rc) fprintf(stderr, "XML error %d in %s\n", rc, name);
    return rc;
}

static int eq(const xmlChar *a, const char *b) { return strcmp((const char *)a, b) == 0; }

/* attribute value (pointer + length) of a SAX2 attribute record list, by local name */
static const char *attr(int nb, const xmlChar **atts, const char *name, size_t *len) {
    for (int i = 0; i < nb; i++) {
        const xmlChar **rec = atts + i * 5;
        if (eq(rec[0], name)) { *len = (size_t)(rec[4] - rec[3]); return (const char *)rec[3]; }
    }
    return NULL;
}

/* ---------- workbook.xml: the first sheet's name ---------- */
static char sheet_name[1024];
static void wb_start(void *u, const xmlChar *local, const xmlChar *p, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nb, int nd, const xmlChar **atts) {
    (void)u; (void)p; (void)uri; (void)nns; (void)ns; (void)nd;
    size_t len;
    const char *v;
    if (!sheet_name[0] && eq(local, "sheet") && (v = attr(nb, atts, "name", &len)) && len < sizeof sheet_name) {
        memcpy(sheet_name, v, len);
        sheet_name[len] = 0;
    }
}

/* ---------- sharedStrings.xml ---------- */
typedef struct { char *p; size_t n; } str_t;
static str_t *sst;
static size_t sst_n, sst_cap;
static buf_t text;
static int in_si, in_t, rph;

static void sst_start(void *u, const xmlChar *local, const xmlChar *p, const xmlChar *uri, int nns,
                      const xmlChar **ns, int nb, int nd, const xmlChar **atts) {
    (void)u; (void)p; (void)uri; (void)nns; (void)ns; (void)nb; (void)nd; (void)atts;
    if (eq(local, "si")) { in_si = 1; text.n = 0; }
    else if (eq(local, "t")) { in_t = in_si && rph == 0; }
    else if (eq(local, "rPh")) rph++;
}
static void sst_end(void *u, const xmlChar *local, const xmlChar *p, const xmlChar *uri) {
    (void)u; (void)p; (void)uri;
    if (eq(local, "t")) in_t = 0;
    else if (eq(local, "rPh")) rph--;
    else if (eq(local, "si")) {
        if (sst_n == sst_cap) { sst_cap = sst_cap ? sst_cap * 2 : 1024; sst = realloc(sst, sst_cap * sizeof *sst); }
        sst[sst_n].p = malloc(text.n ? text.n : 1);
        memcpy(sst[sst_n].p, text.p, text.n);
        sst[sst_n++].n = text.n;
        in_si = 0;
    }
}
static void sst_chars(void *u, const xmlChar *ch, int len) {
    (void)u;
    if (in_t) buf_put(&text, (const char *)ch, (size_t)len);
}

/* ---------- the sheet ---------- */
enum { T_NUM, T_SST, T_STR, T_INLINE, T_BOOL, T_ERR };
static long row_number, last_row;
static int column, last_column, cell_type, in_v, in_is;
static buf_t value;

static int parse_column(const char *r, size_t n) {
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        char b = r[i];
        if (b >= 'A' && b <= 'Z') c = c * 26 + (b - 'A' + 1);
        else if (b >= 'a' && b <= 'z') c = c * 26 + (b - 'a' + 1);
        else if (b != '$') break;
    }
    return c;
}

static void sheet_start(void *u, const xmlChar *local, const xmlChar *p, const xmlChar *uri, int nns,
                        const xmlChar **ns, int nb, int nd, const xmlChar **atts) {
    (void)u; (void)p; (void)uri; (void)nns; (void)ns; (void)nd;
    size_t len;
    const char *v;
    switch (local[0]) {
    case 'c':
        if (local[1] == 0) {
            column = (v = attr(nb, atts, "r", &len)) ? parse_column(v, len) : last_column + 1;
            last_column = column;
            cell_type = T_NUM;
            if ((v = attr(nb, atts, "t", &len)) && len > 0) {
                cell_type = v[0] == 's' ? (len == 1 ? T_SST : T_STR) : v[0] == 'i' ? T_INLINE
                          : v[0] == 'b' ? T_BOOL : v[0] == 'e' ? T_ERR : T_NUM;
            }
            value.n = 0;
        }
        break;
    case 'v':
        if (local[1] == 0) { in_v = 1; value.n = 0; }
        break;
    case 't':
        if (local[1] == 0 && in_is) in_v = 1;
        break;
    case 'i':
        if (eq(local, "is")) { in_is = 1; value.n = 0; }
        break;
    case 'r':
        if (eq(local, "row")) {
            row_number = (v = attr(nb, atts, "r", &len)) ? strtol(v, NULL, 10) : last_row + 1;
            last_row = row_number;
            last_column = 0;
            /* the row number is written with the first shown cell */
            column = 0;
            in_v = 0;
            value.n = 0;
        }
        break;
    }
}

static int row_open; /* columns already written in the current row's line */

static void emit_cell(void) {
    if (value.n == 0 && cell_type != T_INLINE) return;
    if (row_open == 0) {
        char num[24];
        int k = snprintf(num, sizeof num, "%ld", row_number);
        buf_put(&out, num, (size_t)k);
    }
    while (row_open < column) { buf_put(&out, "\t", 1); row_open++; }
    switch (cell_type) {
    case T_SST: {
        size_t idx = 0;
        for (size_t i = 0; i < value.n; i++) idx = idx * 10 + (size_t)(value.p[i] - '0');
        if (idx >= sst_n) { fprintf(stderr, "shared string index out of range\n"); exit(2); }
        out_escaped(sst[idx].p, sst[idx].n);
        break;
    }
    case T_BOOL: buf_put(&out, value.p[0] == '1' ? "TRUE" : "FALSE", value.p[0] == '1' ? 4 : 5); break;
    case T_STR: case T_INLINE: out_escaped(value.p, value.n); break;
    default: buf_put(&out, value.p, value.n); break;
    }
}

static void sheet_end(void *u, const xmlChar *local, const xmlChar *p, const xmlChar *uri) {
    (void)u; (void)p; (void)uri;
    switch (local[0]) {
    case 'c': if (local[1] == 0) emit_cell(); break;
    case 'v': if (local[1] == 0) in_v = 0; break;
    case 't': if (local[1] == 0) in_v = 0; break;
    case 'i': if (eq(local, "is")) in_is = 0; break;
    case 'r':
        if (eq(local, "row")) {
            if (row_open) { buf_put(&out, "\n", 1); row_open = 0; }
            out_flush_if_needed();
        }
        break;
    }
}

static void sheet_chars(void *u, const xmlChar *ch, int len) {
    (void)u;
    if (in_v) buf_put(&value, (const char *)ch, (size_t)len);
}

static void on_error(void *u, xmlErrorPtr e) { (void)u; if (e && e->level >= XML_ERR_ERROR) fprintf(stderr, "%s", e->message); }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: read_floor FILE.xlsx\n"); return 64; }
    xmlInitParser();
    int code = 0;
    zip_t *za = zip_open(argv[1], ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!za) { fprintf(stderr, "cannot open %s (%d)\n", argv[1], code); return 2; }

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.serror = on_error;

    sax.startElementNs = wb_start;
    if (parse_part(za, "xl/workbook.xml", &sax, NULL)) return 2;

    sax.startElementNs = sst_start;
    sax.endElementNs = sst_end;
    sax.characters = sst_chars;
    if (zip_name_locate(za, "xl/sharedStrings.xml", 0) >= 0 && parse_part(za, "xl/sharedStrings.xml", &sax, NULL)) return 2;

    buf_put(&out, "# sheet: ", 9);
    out_escaped(sheet_name, strlen(sheet_name));
    buf_put(&out, "\n", 1);
    sax.startElementNs = sheet_start;
    sax.endElementNs = sheet_end;
    sax.characters = sheet_chars;
    sax.cdataBlock = sheet_chars;
    if (parse_part(za, "xl/worksheets/sheet1.xml", &sax, NULL)) return 2;
    fwrite(out.p, 1, out.n, stdout);
    zip_discard(za);
    return 0;
}
