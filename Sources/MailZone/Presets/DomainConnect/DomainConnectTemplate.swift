/// A Domain Connect template (`providerId.serviceId.json`) as mailzone reads it: the service's
/// own published list of DNS records, with `%variable%` parts the user fills in with `params:`.
///
/// Only what decides the records is kept. The fields for the web flows (signing keys, redirect
/// domains, logos, phishing warnings) are checked for their type and otherwise ignored: mailzone
/// applies the template from a file the user reviewed, not from a request to be authenticated.
struct DomainConnectTemplate: Sendable, Hashable {
    var providerId: String
    var providerName: String
    var serviceId: String
    var serviceName: String
    /// `hostRequired`: the template works only when applied to a host below the domain.
    var hostRequired: Bool
    var records: [DomainConnectRecord]
    /// Where the template's object starts.
    var location: YAMLLocation

    /// The name the service is shown under (`plan`'s header, `mx_not_added`): the template's file
    /// name without `.json`, as the public repository names it.
    var name: String { "\(providerId).\(serviceId)".lowercased() }

    /// The template's own variables (built-ins left out), in order of first use.
    var variables: [String] {
        var seen = Set<String>()
        return records.flatMap(\.variables).filter {
            !DomainConnectText.builtInVariables.contains($0) && seen.insert($0).inserted
        }
    }

    /// The `groupId`s the records name, in order of first use.
    var groups: [String] {
        var seen = Set<String>()
        return records.compactMap(\.groupId).filter { seen.insert($0).inserted }
    }
}

/// One record of a template, its fields parsed for variables, each with where it was written.
struct DomainConnectRecord: Sendable, Hashable {
    /// The record types mailzone plans from a template: the spec's core set, SPFM, and NS.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case a = "A"
        case aaaa = "AAAA"
        case cname = "CNAME"
        case mx = "MX"
        case txt = "TXT"
        case spfm = "SPFM"
        case srv = "SRV"
        case ns = "NS"

        /// "an MX", "a CNAME": the type as a message reads it aloud.
        var withArticle: String {
            switch self {
            case .cname, .txt: "a \(rawValue)"
            default: "an \(rawValue)"
            }
        }
    }

    /// `essential`: only matters to DNS providers that keep applied-template state in DNS,
    /// which mailzone does not; read and checked, never acted on (the spec allows it).
    enum Essential: String, Sendable, Hashable, CaseIterable {
        case always = "Always"
        case onApply = "OnApply"

        /// The value `text` names in any case (`onApply`, `ALWAYS`). The spec's template schema
        /// gives `essential` no enum (any string passes the public repository's check), the
        /// reference implementation compares it with "Always" only, and published templates write
        /// "onApply": refusing another case would refuse them over a field mailzone never acts on.
        init?(anyCase text: String) {
            guard let value = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                return nil
            }
            self = value
        }
    }

    /// A field and where it was written.
    struct Field: Sendable, Hashable {
        var text: DomainConnectText
        var location: YAMLLocation
    }

    var kind: Kind
    var location: YAMLLocation
    var groupId: String?
    var essential: Essential
    /// `host` (`name` for SRV): relative to the applied host, `@` or empty for the host itself,
    /// absolute when it ends with a dot.
    var host: Field
    /// `pointsTo` (A, AAAA, CNAME, MX, NS), `data` (TXT), `spfRules` (SPFM), `target` (SRV).
    var value: Field
    /// MX and SRV `priority`, SRV `weight` and `port`: digits, or one variable.
    var priority: Field?
    var weight: Field?
    var port: Field?
    /// SRV `service` and `protocol` (`_sip`, `_tcp`).
    var service: Field?
    var transport: Field?
    /// `ttl`: checked, not used (see `DomainConnectPreset`).
    var ttl: Field?
    var txtConflict: TXTConflictMatching

    /// Every variable the record's fields use.
    var variables: [String] {
        let fields = [host, value] + [priority, weight, port, service, transport, ttl].compactMap { $0 }
        return fields.flatMap(\.text.variables)
    }
}
