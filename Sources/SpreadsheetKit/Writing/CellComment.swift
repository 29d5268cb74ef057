/// A cell comment (批注) with its author.
///
/// ```swift
/// try sheet.addComment(CellComment("与上年数据不一致，请核对", author: "审核人"),
///                      at: CellReference("C12")!)
/// ```
public struct CellComment: Hashable, Sendable {
    /// The comment text, at most 32,767 characters.
    public var text: String
    /// Shown by Excel in the status bar; `nil` leaves it empty.
    public var author: String?
    /// Shows the comment permanently instead of on hover.
    public var visible: Bool

    /// ```swift
    /// CellComment("数据来源：财政部门", author: "张三", visible: true)
    /// ```
    public init(_ text: String, author: String? = nil, visible: Bool = false) {
        self.text = text
        self.author = author
        self.visible = visible
    }
}
