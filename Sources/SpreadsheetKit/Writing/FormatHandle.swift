/// A format registered with one ``WorkbookWriter``: cheap to copy and to pass for every cell.
///
/// Obtain it from ``WorkbookWriter/format(_:)``; equal ``CellFormat`` values give equal handles.
/// Passing a handle to a sheet of another workbook throws ``WorkbookWriterError/foreignFormatHandle``.
///
/// ```swift
/// let money = try writer.format(CellFormat(numberFormat: "#,##0.00"))
/// try sheet.write(.decimal(Decimal(string: "13759.26")!), at: CellReference("B2")!, format: money)
/// ```
public struct FormatHandle: Hashable, Sendable {
    /// Index into the workbook's format table.
    let index: Int32
    /// Identity of the workbook that made it.
    let workbookID: UInt64
}
