/// Excel's fixed limits: the writer checks them before anything is written, and the reader refuses
/// a cell, row or reference past them (`WorkbookReadError.invalidCell`).
public enum Limits {
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    public static let maxStringLength = 32_767
    public static let maxSheetNameLength = 31
    /// Characters Excel forbids in a sheet name.
    public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
}

/// The limits every input is held to while it is read, so that a hostile or broken file is refused
/// with a clear error (a `WorkbookReadError`, exit status 2 from the CLI, naming the file, the part
/// and the cell where there is one) before it costs gigabytes of memory or minutes of work. This is
/// the one place their values are set: `Workbook.Options` starts from them (a caller may lower them,
/// as the fuzz harness and some tests do, or raise them), and the README's hostile-input section
/// lists them.
///
/// | limit | value | error |
/// |---|---|---|
/// | ``maxPartSize`` | 1 GiB inflated per part (and its declared size) | `partTooLarge`, `corruptArchive` |
/// | ``maxZipEntries`` | 10,000 entries in the archive | `tooManyZipEntries` |
/// | ``maxDepth`` | elements nested 256 deep | `malformedXML` |
/// | ``maxAttributesPerElement`` | 1,000 attributes (and namespace declarations) on one element | `tooManyAttributes` |
/// | ``maxSharedStrings`` | 5,000,000 shared strings, read or declared (`uniqueCount`) | `tooManySharedStrings` |
/// | ``maxStringBytes`` | 1 MiB of UTF-8 in one shared string, cell value or formula | `stringTooLong`, `invalidCell` |
/// | ``maxCellsPerSheet`` | 10,000,000 cells in one sheet | `tooManyCells` |
/// | rows, columns | Excel's 1,048,576 × 16,384 (``Limits``); at most 16,384 cells in one row | `invalidCell` |
///
/// A sheet's `<dimension>` (and a row's `spans`) is never read: nothing is allocated from what a file
/// claims, only from what it holds. A DTD or entity declaration is refused outright
/// (`forbiddenDoctype`); libxml2 never loads anything and never touches the network (`XML_PARSE_NONET`,
/// no `XML_PARSE_NOENT`/`XML_PARSE_DTDLOAD`), and its own limits stay on (no `XML_PARSE_HUGE`: a single
/// text node or name is capped by libxml2 at 10,000,000 bytes).
public enum ReadingLimits {
    /// The most bytes one package part may inflate to, and never past the size its ZIP entry declares.
    public static let maxPartSize: Int64 = 1 << 30
    /// The most entries a ZIP archive may hold (a workbook of a hundred sheets with drawings and
    /// comments has well under a thousand). Checked from the central directory, before any part is read.
    public static let maxZipEntries = 10_000
    /// The deepest element nesting of an XML part (OOXML parts nest a dozen levels at most).
    public static let maxDepth = 256
    /// The most attributes plus namespace declarations on one element (OOXML elements have a few
    /// dozen at most). libxml2 2.9 checks attribute names for duplicates in quadratic time, so an
    /// element with hundreds of thousands of attributes would take minutes: the parser counts the
    /// `=` of any start tag that spans more than one 64 KiB slice of input before libxml2 sees its end.
    public static let maxAttributesPerElement = 1_000
    /// The most shared strings (`<si>`) a workbook may hold; a `uniqueCount` that claims more is
    /// refused before anything is reserved. (The `count` attribute counts references, not strings,
    /// and is ignored.)
    public static let maxSharedStrings = 5_000_000
    /// The most bytes (UTF-8, as stored, escapes included) of one shared string, and of one cell's
    /// value or formula text (inline strings). Excel's own limit is 32,767 characters; other tools
    /// write longer ones, so the reader allows 1 MiB.
    public static let maxStringBytes = 1 << 20
    /// The most cells (`<c>` elements) one sheet may hold: ten times a 200,000 × 10 sheet, and far
    /// below what 1 GiB of sheet XML could describe. Checked while streaming, so both tiers
    /// (`forEachRow`, `worksheet`) and everything built on them (the importer's grid) are bounded.
    public static let maxCellsPerSheet = 10_000_000
}
