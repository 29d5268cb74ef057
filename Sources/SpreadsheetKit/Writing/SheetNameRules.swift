/// Excel's rules for sheet names, checked before libxlsxwriter sees the name.
enum SheetNameRules {
    static func validate(_ name: String, existingLowercased: Set<String>) throws(WorkbookWriterError) {
        if name.isEmpty { throw WorkbookWriterError.sheetNameEmpty }
        if name.utf16.count > Limits.maxSheetNameLength { throw WorkbookWriterError.sheetNameTooLong(name) }
        if let bad = name.first(where: { Limits.forbiddenSheetNameCharacters.contains($0) }) {
            throw WorkbookWriterError.sheetNameInvalidCharacter(name, bad)
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw WorkbookWriterError.sheetNameApostrophe(name) }
        if name.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "sheet name") }
        if existingLowercased.contains(name.lowercased()) { throw WorkbookWriterError.duplicateSheetName(name) }
    }
}
