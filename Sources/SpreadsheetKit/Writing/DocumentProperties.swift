import Foundation

/// The document properties stored in `docProps/core.xml` and `docProps/app.xml`
/// (File ▸ Info in Excel). `nil` fields are left out.
///
/// ```swift
/// writer.properties = DocumentProperties(title: "2024 年度部门决算", author: "财务处",
///                                        company: "某某单位")
/// ```
public struct DocumentProperties: Hashable, Sendable {
    /// Title (标题).
    public var title: String?
    /// Subject (主题).
    public var subject: String?
    /// Author (作者), `dc:creator`.
    public var author: String?
    /// Manager (经理).
    public var manager: String?
    /// Company (单位).
    public var company: String?
    /// Category (类别).
    public var category: String?
    /// Keywords (关键词).
    public var keywords: String?
    /// Comments (备注).
    public var comments: String?
    /// Status (状态).
    public var status: String?
    /// Base address for relative hyperlinks.
    public var hyperlinkBase: String?
    /// The creation time written into the file; `nil` is the time of writing. Set it to make
    /// byte-identical outputs for the same input.
    public var created: Date?

    /// ```swift
    /// DocumentProperties(title: "决算报表", created: Date(timeIntervalSince1970: 0))
    /// ```
    public init(title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
                company: String? = nil, category: String? = nil, keywords: String? = nil,
                comments: String? = nil, status: String? = nil, hyperlinkBase: String? = nil,
                created: Date? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
        self.hyperlinkBase = hyperlinkBase
        self.created = created
    }

    /// All text fields, in `lxw_doc_properties` order, for validation and copying.
    var textFields: [String?] {
        [title, subject, author, manager, company, category, keywords, comments, status, hyperlinkBase]
    }
}
