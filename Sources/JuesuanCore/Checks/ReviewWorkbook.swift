import Foundation
import SpreadsheetKit

/// The review workbook a bureau sends back (placeholder until annotation lands).
public struct ReviewWorkbook {
    public let catalog: MappingCatalog
    public init(catalog: MappingCatalog) { self.catalog = catalog }
    public func write(_ report: Report, findings: [Finding], to url: URL, replaceExisting: Bool) throws {}
}
