import Foundation
import ZoneFile

/// A sender's service given as a Domain Connect template:
/// `preset: { domain-connect: templates/example.net.mail.json, params: { … }, groups: [ … ] }`.
///
/// The template is read when the declaration is decoded; the records are made (variables
/// substituted, checked) once the sender's zone is known, by `DomainConnectPreset`.
struct DomainConnectService: Sendable, Hashable {
    static let keys = ["domain-connect", "params", "groups"]

    /// The `preset:` mapping.
    var location: YAMLLocation
    /// The template's path as errors show it (relative to the current directory, like the declaration's).
    var displayPath: String
    var template: DomainConnectTemplate
    /// `params:`, the values of the template's own variables.
    var params: [ServiceInput]
    /// `groups:`, the `groupId`s to apply; nil for all (the spec's default).
    var groups: [String]?
    /// The preset made for the sender; nil until resolved, and when that failed (reported).
    var definition: PresetDefinition?

    /// The records of the selected groups, in template order.
    var selectedRecords: [DomainConnectRecord] {
        guard let groups else { return template.records }
        return template.records.filter { $0.groupId.map(groups.contains) ?? false }
    }

    /// The template's own variables the selected records use.
    var neededVariables: [String] {
        var seen = Set<String>()
        return selectedRecords.flatMap(\.variables).filter {
            !DomainConnectText.builtInVariables.contains($0) && seen.insert($0).inserted
        }
    }

    /// Decodes the `preset:` mapping `node`, reading the template (relative to `baseDirectory`, and
    /// inside it) through `library`. Nil when something was reported.
    static func decode(
        _ node: YAMLNode, baseDirectory: URL, library: DomainConnectLibrary, diagnostics: inout Diagnostics
    ) -> DomainConnectService? {
        guard
            let map = MappingReader(
                node, what: "Domain Connect preset",
                expected: "a preset name, or { domain-connect: FILE, params: { … } }", keys: keys,
                diagnostics: &diagnostics)
        else { return nil }
        let before = diagnostics.errors.count
        guard
            let path = map.required(
                "domain-connect", diagnostics: &diagnostics,
                hint: "name the template file, like 'domain-connect: templates/example.net.mail.json'")?
                .string("the template's path", diagnostics: &diagnostics),
            path.checkSingleLine(what: "the template's path", diagnostics: &diagnostics)
        else { return nil }
        if path.value.isEmpty {
            diagnostics.error(at: path.location, "the template's path is empty")
            return nil
        }
        var params: [ServiceInput] = []
        if let paramsNode = map["params"] {
            if case .mapping(let pairs) = paramsNode.content {
                for pair in pairs {
                    guard let key = pair.key.text("a variable name", diagnostics: &diagnostics),
                        let value = pair.value.text(
                            "the value of the variable '\(key.value)'", diagnostics: &diagnostics),
                        value.checkSingleLine(what: "the value of '\(key.value)'", diagnostics: &diagnostics)
                    else { continue }
                    if let first = params.first(where: { $0.name.value == key.value }) {
                        diagnostics.error(
                            at: key.location, "the param '\(key.value)' is given twice",
                            hint: "it is already given at line \(first.name.location.line); keep one")
                        continue
                    }
                    params.append(ServiceInput(name: key, value: value))
                }
            } else {
                diagnostics.error(
                    at: paramsNode.location,
                    "expected a mapping of the template's variables, found \(paramsNode.kindDescription)",
                    hint: "write 'params: { VARIABLE: VALUE }', without the %")
            }
        }
        var groups: [Located<String>]?
        if let groupsNode = map["groups"] {
            groups = (groupsNode.list("a list of groupIds", diagnostics: &diagnostics) ?? []).compactMap {
                $0.text("a groupId", diagnostics: &diagnostics)
            }
        }

        let displayPath = FilePaths.path(path.value, besideFile: path.location.file)
        guard
            let template = library.template(
                at: path, baseDirectory: baseDirectory, displayPath: displayPath, diagnostics: &diagnostics),
            diagnostics.errors.count == before
        else { return nil }
        let service = DomainConnectService(
            location: node.location, displayPath: displayPath, template: template, params: params,
            groups: groups?.map(\.value))
        service.check(groups: groups, diagnostics: &diagnostics)
        return diagnostics.errors.count == before ? service : nil
    }

    /// The params against the template's variables, the groups against its `groupId`s. The fixes
    /// name `--param` rather than `params:` when the values come from the command line.
    func check(groups: [Located<String>]?, commandLine: Bool = false, diagnostics: inout Diagnostics) {
        let variables = template.variables
        let shownVariables = variables.isEmpty ? "none" : MappingReader.list(variables.map { "'\($0)'" })
        for param in params {
            let name = param.name.value
            if DomainConnectText.builtInVariables.contains(name) {
                diagnostics.error(
                    at: param.name.location,
                    "'\(name)' is set by mailzone, not by \(commandLine ? "--param" : "params")",
                    hint: commandLine
                        ? "%host%, %domain% and %fqdn% come from --host and --domain"
                        : "%host%, %domain% and %fqdn% come from the sender (the template is applied to the "
                            + "sender, in its zone); remove '\(name)'")
            } else if !variables.contains(name) {
                let suggestion = Suggestion.didYouMean(name, in: variables)
                diagnostics.error(
                    at: param.name.location, "the template \(template.name) has no variable '\(name)'\(suggestion)",
                    hint: "its variables are \(shownVariables)")
            }
        }
        let templateGroups = template.groups
        for group in groups ?? [] where !templateGroups.contains(group.value) {
            let suggestion = Suggestion.didYouMean(group.value, in: templateGroups)
            diagnostics.error(
                at: group.location, "the template \(template.name) has no group '\(group.value)'\(suggestion)",
                hint: templateGroups.isEmpty
                    ? "its records have no groupId; remove 'groups:'"
                    : "its groups are \(MappingReader.list(templateGroups.map { "'\($0)'" }))")
        }
        let given = Set(params.map(\.name.value))
        let missing = neededVariables.filter { !given.contains($0) }
        if !missing.isEmpty {
            let plural = missing.count == 1 ? "" : "s"
            diagnostics.error(
                at: location,
                "the Domain Connect template \(template.name) needs a value for the variable\(plural) "
                    + MappingReader.list(missing.map { "'\($0)'" }),
                hint: (commandLine
                    ? "add \(missing.map { "--param \($0)=…" }.joined(separator: " "))"
                    : "add 'params: { \(missing.map { "\($0): …" }.joined(separator: ", ")) }'")
                    + "; the template's variables are \(shownVariables)")
        }
    }
}

/// The templates a declaration names, each read and checked once however many senders use it.
///
/// Not `Sendable`: one declaration decoder fills it as it reads, on one task.
final class DomainConnectLibrary {
    /// By resolved path: the template, or nil when it failed (its problems reported once).
    private var templates: [String: DomainConnectTemplate?] = [:]

    init() {}

    /// Whether no template was asked for yet (`DeclarationDecoder.decodeSenders` reports each at its first use).
    var isEmpty: Bool { templates.isEmpty }

    func template(
        at path: Located<String>, baseDirectory: URL, displayPath: String, diagnostics: inout Diagnostics
    ) -> DomainConnectTemplate? {
        let url = URL(fileURLWithPath: path.value, relativeTo: baseDirectory).standardizedFileURL
        let resolved = FilePaths.resolved(url.path)
        if let known = templates[resolved] { return known }
        let template = Self.load(
            url: url, resolved: resolved, path: path, baseDirectory: baseDirectory, displayPath: displayPath,
            diagnostics: &diagnostics)
        templates[resolved] = .some(template)
        return template
    }

    private static func load(
        url: URL, resolved: String, path: Located<String>, baseDirectory: URL, displayPath: String,
        diagnostics: inout Diagnostics
    ) -> DomainConnectTemplate? {
        let root = FilePaths.resolved(baseDirectory.path)
        guard FilePaths.isInside(resolved: resolved, resolvedRoot: root) else {
            diagnostics.error(
                at: path.location,
                "the template \(path.value) is outside the directory of the declaration (symbolic links followed)",
                hint: "copy the template into the repository beside mailzone.yaml, so that it is reviewed with it")
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            diagnostics.error(
                at: path.location, "the Domain Connect template \(displayPath) does not exist",
                hint: "check the path; it is relative to the directory of the declaration")
            return nil
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(
                at: path.location,
                "the Domain Connect template \(displayPath) cannot be read\(isDirectory.boolValue ? ": it is a directory" : "")",
                hint: "name a template file, like providerId.serviceId.json")
            return nil
        }
        return read(Array(data), displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Parses and checks a template's bytes; `displayPath` names it in errors.
    static func read(_ bytes: [UInt8], displayPath: String, diagnostics: inout Diagnostics) -> DomainConnectTemplate? {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes, file: displayPath)
        } catch {
            diagnostics.append(
                DeclarationError(
                    at: error.location, "the template is not valid JSON: \(error.message)", hint: error.hint))
            return nil
        }
        return DomainConnectSchema.decode(root, diagnostics: &diagnostics)
    }
}
