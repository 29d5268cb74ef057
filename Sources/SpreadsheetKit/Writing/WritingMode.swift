/// How libxlsxwriter keeps the cells until the file is written.
///
/// ```swift
/// let options = WorkbookWriter.Options(mode: .constantMemory)
/// ```
public enum WritingMode: Hashable, Sendable {
    /// All cells stay in memory until ``WorkbookWriter/close()``; cells, rows and merges may be
    /// written in any order. Strings go to the shared-strings table.
    case standard
    /// Each row is written to a temporary file as soon as a later row is touched, so memory stays
    /// flat for very large sheets. Rows must be written top to bottom: a write to a row before the
    /// current one, a comment or row setting there, or a merge starting there throws
    /// ``WorkbookWriterError/rowAlreadyWritten(row:currentRow:)`` or
    /// ``WorkbookWriterError/mergeStartsOnWrittenRow(_:currentRow:)`` instead of losing data.
    /// Within the current row, any column order works. Strings are stored inline (`t="inlineStr"`).
    case constantMemory
}
