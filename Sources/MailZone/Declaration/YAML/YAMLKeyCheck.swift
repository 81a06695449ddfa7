import CYaml

/// Refuses a mapping key that is an alias of a list or mapping, or is itself a list or
/// mapping, before Yams builds the document.
///
/// Yams hashes every mapping's keys to find duplicates, and hashing an alias walks its
/// anchor's whole expansion: ten lines of nested aliases make a key that stands for 10⁸
/// values and takes minutes to hash, long before `YAMLTreeBuilder` can count it. A
/// declaration's keys are plain words, so such a key is refused where it is written.
/// This pass reads libyaml's events only; syntax errors are left for Yams to report.
enum YAMLKeyCheck {
    static func check(_ text: String, file: String) throws(DeclarationError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        let problem: DeclarationError? = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return firstComplexKey(&parser, file: file)
        }
        if let problem { throw problem }
    }

    private static func firstComplexKey(_ parser: inout yaml_parser_t, file: String) -> DeclarationError? {
        /// Open collections, innermost last: whether each is a mapping whose next node is a key.
        var stack: [(mapping: Bool, atKey: Bool)] = []
        /// Anchors that name scalars (an alias of one is a harmless key).
        var scalarAnchors = Set<String>()
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let type = event.type
            let isNode = type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT
                || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
            if isNode, let top = stack.last, top.mapping {
                stack[stack.count - 1].atKey.toggle()
                if top.atKey {
                    let location = YAMLLocation(file: file, line: Int(event.start_mark.line) + 1,
                                                column: Int(event.start_mark.column) + 1)
                    if type == YAML_ALIAS_EVENT {
                        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                        if !scalarAnchors.contains(name) {
                            return DeclarationError(
                                at: location, "the key *\(name) is an alias of a list or mapping; keys must be plain text",
                                hint: "write the key out")
                        }
                    } else if type != YAML_SCALAR_EVENT {
                        return DeclarationError(at: location, "a key here is a list or mapping; keys must be plain text",
                                                hint: "write the key as a plain word, or quote it")
                    }
                }
            }
            switch type {
            case YAML_SCALAR_EVENT:
                if let anchor = event.data.scalar.anchor { scalarAnchors.insert(String(cString: anchor)) }
            case YAML_SEQUENCE_START_EVENT:
                if let anchor = event.data.sequence_start.anchor { scalarAnchors.remove(String(cString: anchor)) }
                stack.append((mapping: false, atKey: false))
            case YAML_MAPPING_START_EVENT:
                if let anchor = event.data.mapping_start.anchor { scalarAnchors.remove(String(cString: anchor)) }
                stack.append((mapping: true, atKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if !stack.isEmpty { stack.removeLast() }
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
        }
    }
}
