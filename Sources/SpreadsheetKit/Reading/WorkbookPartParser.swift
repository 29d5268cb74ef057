/// Visibility of a sheet, as `workbook.xml` states it.
public enum SheetVisibility: String, Sendable, Hashable {
    case visible, hidden, veryHidden
}

/// A defined name (named range, print area, print titles …).
public struct DefinedName: Hashable, Sendable {
    public var name: String
    /// The formula text it stands for, e.g. `Sheet1!$A$1:$C$3`.
    public var formula: String
    /// Index of the sheet it is local to, or `nil` for a workbook-wide name.
    public var localSheetIndex: Int?
    public var isHidden: Bool
}

/// Reads `xl/workbook.xml`: sheets in order, date system, defined names.
final class WorkbookPartParser: SAXHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var visibility: SheetVisibility
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var dateSystem: DateSystem = .from1900
    private(set) var definedNames: [DefinedName] = []
    private var pendingName: DefinedName?
    private var text = TextCapture()

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.equals("sheet") {
            let state = attributes.string("state").flatMap(SheetVisibility.init(rawValue:)) ?? .visible
            sheets.append(SheetEntry(name: attributes.string("name") ?? "",
                                     relationshipID: attributes.string("id") ?? "", visibility: state))
        } else if name.equals("workbookPr") {
            if attributes.bool("date1904") == true { dateSystem = .from1904 }
        } else if name.equals("definedName") {
            pendingName = DefinedName(name: attributes.string("name") ?? "", formula: "",
                                      localSheetIndex: attributes.int("localSheetId"),
                                      isHidden: attributes.bool("hidden") ?? false)
            text.begin()
        }
    }

    func endElement(_ name: XMLName) {
        if name.equals("definedName"), var pending = pendingName {
            text.end()
            pending.formula = text.string
            definedNames.append(pending)
            pendingName = nil
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(bytes) }
}
