/// A zone's tables as its load made them (see `Zone.contents`), and its indexes by name.
///
/// The indexes are computed on first use and kept: a zone asked nothing by name (`zone check`, `zone dump`)
/// never pays for them. Shared between the tasks that plan one zone's halves.
@usableFromInline
final class ZoneContents: Sendable {
    @usableFromInline let origin: DomainName?
    @usableFromInline let zoneClass: RRClass
    @usableFromInline let files: [ZoneFileSyntax]
    let names: NameTable
    let store: RecordStore
    let generatedText: [UInt8]
    let history: ReadingHistory?
    let checkKeys: [UInt64]
    let repeatedKeys: [UInt64]
    @usableFromInline let diagnostics: [Diagnostic]
    @usableFromInline let recordCount: Int
    private let ownerIndex = ComputedOnce<OwnerIndex>()
    private let emptyNonTerminals = ComputedOnce<EmptyNonTerminals>()

    init(
        origin: DomainName?, zoneClass: RRClass, files: [ZoneFileSyntax], names: NameTable, store: RecordStore,
        generatedText: [UInt8], history: ReadingHistory?, checkKeys: [UInt64], repeatedKeys: [UInt64],
        diagnostics: [Diagnostic], recordCount: Int
    ) {
        self.origin = origin
        self.zoneClass = zoneClass
        self.files = files
        self.names = names
        self.store = store
        self.generatedText = generatedText
        self.history = history
        self.checkKeys = checkKeys
        self.repeatedKeys = repeatedKeys
        self.diagnostics = diagnostics
        self.recordCount = recordCount
    }

    func owners(_ build: () -> OwnerIndex) -> OwnerIndex { ownerIndex.value(build) }

    func emptyNonTerminals(_ build: () -> EmptyNonTerminals) -> EmptyNonTerminals {
        emptyNonTerminals.value(build)
    }
}
