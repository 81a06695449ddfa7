import MailAuth

/// DMARC tags the user sets for a sender (`dmarc:`), applied over the services' DMARC record.
///
/// Tencent asks for `v=DMARC1; p=none`; a sender that wants `p=quarantine` and
/// reports says so here. Whether the result may weaken an inherited policy is
/// the planner's question (see `SenderDeclaration.allowsWeakerDMARC`).
public struct DMARCOverrides: Sendable, Hashable {
    public var location: YAMLLocation
    public var p: Located<Policy>?
    public var sp: Located<Policy>?
    /// Percentage of mail the policy applies to, 0–100.
    public var pct: Located<Int>?
    /// Aggregate report addresses (`mailto:` URIs).
    public var rua: [Located<String>]?
    /// Failure report addresses.
    public var ruf: [Located<String>]?
    public var adkim: Located<Alignment>?
    public var aspf: Located<Alignment>?
    /// Failure reporting options (`0`, `1`, `d`, `s`, joined by `:`).
    public var fo: Located<String>?
    /// Aggregate report interval in seconds.
    public var ri: Located<Int>?
    /// `allow_weaker: true`: a reviewed downgrade. `p` and `sp` replace the zone's stricter policy
    /// (or weaken the one inherited from the organisational domain) instead of being kept out.
    /// Not a tag: it is never written into the record.
    public var allowWeaker: Located<Bool>?

    public init(location: YAMLLocation) {
        self.location = location
    }

    /// The `p`/`sp` policy: MailAuth's.
    public typealias Policy = DMARCPolicy

    /// Identifier alignment: relaxed or strict.
    public enum Alignment: String, Sendable, Hashable, CaseIterable {
        case r, s
    }

    /// The tags set, in RFC 7489 order, as `(tag, value)` in record syntax.
    public var tags: [(tag: String, value: String)] {
        var tags: [(String, String)] = []
        if let p { tags.append(("p", p.value.rawValue)) }
        if let sp { tags.append(("sp", sp.value.rawValue)) }
        if let adkim { tags.append(("adkim", adkim.value.rawValue)) }
        if let aspf { tags.append(("aspf", aspf.value.rawValue)) }
        if let pct { tags.append(("pct", String(pct.value))) }
        if let fo { tags.append(("fo", fo.value)) }
        if let ri { tags.append(("ri", String(ri.value))) }
        if let rua { tags.append(("rua", rua.map(\.value).joined(separator: ","))) }
        if let ruf { tags.append(("ruf", ruf.map(\.value).joined(separator: ","))) }
        return tags
    }
}
