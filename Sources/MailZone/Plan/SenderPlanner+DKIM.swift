import MailAuth
import ZoneFile

/// DKIM (RFC 6376): a selector's key record, created, kept, or replaced when stale.
extension SenderPlanner {

    mutating func planDKIM(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: .txt, purpose: purpose, declaration: wanted.source) { return }
        let wantedRecord: DKIMKeyRecord
        let wantedKey: DKIMPublicKey?
        let wantedKeyDescription: String?
        let wantedEncoding: Result<(RData, String), any Error>
        switch Self.dkimKeys.value(for: ExactText(wanted.value)) {
        case .success(let read):
            (wantedRecord, wantedKey) = (read.record, read.key)
            (wantedKeyDescription, wantedEncoding) = (read.keyDescription, read.encoding)
        case .failure(let error):
            conflict(
                name, .txt, purpose, DKIMConflict.invalidWanted(name: relative(name), problem: error),
                declaration: wanted.source)
            return
        }
        var note = unconfirmedNote(wanted)
        var keyDescription: String? = nil
        if let key = wantedKey {
            keyDescription = wantedKeyDescription
            if let weak = key.strengthProblem {
                report(name, .txt, purpose, weak, declaration: wanted.source)
                if weak.severity == .error { return }
            }
        }
        note = PlanNote.joined(keyDescription, note)
        let txts = state.records(at: name, type: .txt)
        if !txts.contains(where: { (try? Self.dkimKeys.value(for: ExactText($0.text)).get()) != nil }),
            nearMissConflict(
                in: txts, at: name, purpose: purpose, declaration: wanted.source, find: NearMissRecord.dkim)
        {
            return
        }
        let dkims = txts.filter { DKIMComparisonHelper.looksLikeDKIM($0.text) }
        guard let txt = wantedTXT(wanted, at: name, encoded: wantedEncoding, problem: DKIMConflict.notWritable) else {
            return
        }
        let (rdata, presentation) = txt
        if let current = dkims.first ?? (txts.count == 1 ? txts.first : nil) {
            switch Self.compare(wantedRecord, published: current) {
            case .same:
                add(
                    .unchanged, name, .txt, purpose, after: quotedOneLine(current.strings), note: note,
                    zone: current.existing,
                    declaration: wanted.source)
                return
            case .different, .publishedInvalid:
                if dkims.count > 1 {
                    conflict(
                        name, .txt, purpose, DKIMConflict.multipleKeys(name: relative(name), count: dkims.count),
                        zone: current.existing, declaration: wanted.source)
                    return
                }
                guard let existing = current.existing else { break }
                replace(
                    existing, .replace, at: name, type: .txt, purpose: purpose, rdata: rdata, written: presentation,
                    before: quotedOneLine(current.strings), after: presentation,
                    note: PlanNote.joined(PlanNote.staleKeyReplaced.description, note), declaration: wanted.source)
                return
            case .wantedInvalid(let problem):
                conflict(
                    name, .txt, purpose, DKIMConflict.invalidWanted(name: relative(name), problem: problem),
                    declaration: wanted.source)
                return
            }
        }
        create(wanted, .txt, at: name, rdata: rdata, written: presentation, shown: presentation, note: note)
    }
}

extension SenderPlanner {
    /// `DKIMComparison.compare(wanted:published:)` of the record at a selector, read as `planDKIM` read it
    /// before (`dkimKeys`, by its text: its strings joined), not read again.
    static func compare(_ wanted: DKIMKeyRecord, published: StateRecord) -> DKIMComparison {
        DKIMComparison.compare(
            wanted: wanted, publishedRecord: dkimKeys.value(for: ExactText(published.text)).map(\.record))
    }

    /// Each DKIM key record `planDKIM` last read, by its text: a key pasted for many senders is read once.
    static let dkimKeys = ValueMemo<ExactText, Result<ReadDKIMKey, DKIMProblem>>(limit: 64) {
        ReadDKIMKey.read($0.text)
    }
}

/// A DKIM key record read from its text, with its key's type and size (nil when revoked or unreadable), and
/// what a sender wanting it writes: the key as the plan describes it, and the text as TXT RDATA (as
/// `SenderPlanner.txtRData(_:)` gives it). Worked out with the record, as senders want the same key again
/// and again: one lookup of the key's text, not one for the record and another for its RDATA.
struct ReadDKIMKey: Sendable {
    var record: DKIMKeyRecord
    var key: DKIMPublicKey?
    /// `key?.description`.
    var keyDescription: String?
    /// `SenderPlanner.encodeTXT(_:)` of the text.
    var encoding: Result<(RData, String), any Error>

    /// Reads `text`, or says why it is no key record.
    static func read(_ text: String) -> Result<ReadDKIMKey, DKIMProblem> {
        do {
            let record = try DKIMKeyRecord(text)
            let key = try? record.publicKey()
            return .success(
                ReadDKIMKey(
                    record: record, key: key, keyDescription: key?.description,
                    encoding: Result { try SenderPlanner.encodeTXT(text) }))
        } catch {
            return .failure(error)
        }
    }
}

/// Tells DKIM key records from other TXT at a selector name.
enum DKIMComparisonHelper {
    static func looksLikeDKIM(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("v=DKIM1") || trimmed.contains("p=")
    }
}
