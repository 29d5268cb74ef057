/// Excel's rules for sheet names, checked before libxlsxwriter sees the name.
enum SheetNameRules {
    static func validate(_ name: String, existingLowercased: Set<String>) throws(WorkbookWriterError) {
        if name.isEmpty { throw .sheetNameEmpty }
        if name.utf16.count > Limits.maxSheetNameLength { throw .sheetNameTooLong(name) }
        if let bad = name.first(where: { Limits.forbiddenSheetNameCharacters.contains($0) }) {
            throw .sheetNameInvalidCharacter(name, bad)
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw .sheetNameApostrophe(name) }
        if name.utf8.contains(0) { throw .containsNulCharacter(context: "sheet name") }
        if existingLowercased.contains(name.lowercased()) { throw .duplicateSheetName(name) }
    }
}
