import Foundation

/// A DKIM key record, the TXT at `SELECTOR._domainkey.DOMAIN` (RFC 6376 §3.6.1), read into
/// its tags' values.
///
/// Reading fails only on what makes verifiers discard the record (bad tag list, duplicate
/// tag, misplaced or unknown `v=`, no `p=`, bad base64); everything else is reported by
/// ``problems``.
public struct DKIMKeyRecord: Sendable, Hashable {
    /// Every tag in order, names as written (tag names are case-sensitive), values with the
    /// whitespace around them removed. Unknown tags are kept here and otherwise ignored.
    public var tags: [(name: String, value: String)] { tagSpecs.map { ($0.name, $0.value) } }
    var tagSpecs: [TagSpec]

    /// `v=`, when present (always `DKIM1`).
    public var version: String?
    /// `k=`, lowercased; `rsa` when absent.
    public var keyType: String
    /// `h=` as a list, lowercased; nil when absent, meaning every algorithm is allowed.
    public var hashAlgorithms: [String]?
    /// `s=` as a list, lowercased; `["*"]` when absent.
    public var serviceTypes: [String]
    /// `t=` flags, lowercased (`y` testing, `s` strict); empty when absent.
    public var flags: [String]
    /// `n=` notes for people, with whitespace collapsed.
    public var notes: String?
    /// `p=` with whitespace removed.
    public var publicKeyBase64: String
    /// The decoded `p=`; empty when the key is revoked.
    public var publicKeyData: [UInt8]

    public var isRevoked: Bool { publicKeyData.isEmpty }

    /// Reads a record from its text (a TXT record's strings already joined).
    public init(_ text: String) throws(DKIMProblem) {
        let specs: [TagSpec]
        switch TagList.parse(text) {
        case .success(let parsed): specs = parsed
        case .failure(let error): throw .syntax(reason: error.description)
        }
        var seen: Set<String> = []
        for spec in specs where !seen.insert(spec.name).inserted {
            throw .duplicateTag(name: spec.name)
        }
        let value = { (name: String) in specs.first { $0.name == name }?.value }

        if let versionIndex = specs.firstIndex(where: { $0.name == "v" }) {
            guard versionIndex == 0 else { throw .versionNotFirst }
            guard specs[0].value == "DKIM1" else { throw .unknownVersion(specs[0].value) }
        }
        guard let key = value("p") else { throw .missingKey }
        let base64 = TagList.removingFWS(key)
        var data: [UInt8] = []
        if !base64.isEmpty {
            guard let decoded = Data(base64Encoded: base64) else { throw .invalidBase64 }
            data = Array(decoded)
        }

        tagSpecs = specs
        version = value("v")
        keyType = value("k").map { $0.lowercased() } ?? "rsa"
        hashAlgorithms = value("h").map { TagList.colonList($0.lowercased()) }
        serviceTypes = value("s").map { TagList.colonList($0.lowercased()) } ?? ["*"]
        flags = value("t").map { TagList.colonList($0.lowercased()) } ?? []
        notes = value("n").map(TagList.collapsingFWS)
        publicKeyBase64 = base64
        publicKeyData = data
    }

    /// Reads a record from a TXT record's character-strings, joined with nothing between.
    public init(strings: [String]) throws(DKIMProblem) {
        try self.init(strings.joined())
    }

    /// The key's type and size, or the problem reading it; nil when revoked.
    public func publicKey() throws(DKIMProblem) -> DKIMPublicKey? {
        guard !isRevoked else { return nil }
        return try DKIMPublicKey.read(publicKeyData, keyType: keyType)
    }

    /// Every problem verifiers would have with the record, errors and warnings.
    public var problems: [DKIMProblem] {
        var problems: [DKIMProblem] = []
        if let hashAlgorithms, !hashAlgorithms.contains("sha256") {
            problems.append(.noUsableHashAlgorithm(hashAlgorithms.joined(separator: ":")))
        }
        if !serviceTypes.contains("*") && !serviceTypes.contains("email") {
            problems.append(.notForEmail(serviceTypes.joined(separator: ":")))
        }
        if isRevoked {
            problems.append(.revoked)
        } else {
            do {
                if let strength = try publicKey()?.strengthProblem {
                    problems.append(strength)
                }
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    /// Every problem with `text` as a key record: why it cannot be read, or what is wrong in it.
    public static func problems(in text: String) -> [DKIMProblem] {
        do {
            return try DKIMKeyRecord(text).problems
        } catch {
            return [error]
        }
    }
}
