import Foundation

/// Whether apply can give a zone file's new text the owner and group the old file has.
///
/// The new text is a new file renamed over the old one, so it is owned by whoever runs apply
/// unless apply gives it the old owner and group. `named` often reads zones as a member of a
/// group (`root:bind 0640`): a file that silently became `user:user` is one `named` can no
/// longer read, so apply refuses before writing anything when it cannot keep them.
enum FileOwnership {
    /// Why the owner or group of a file with `status` cannot be kept by this process; nil when they can.
    /// Root can give any owner; anyone else only their own user and a group they are a member of.
    static func problem(keeping status: stat) -> String? {
        let user = geteuid()
        guard user != 0 else { return nil }
        if status.st_uid != user {
            let owner = userName(status.st_uid)
            if status.st_uid == 0 { return "cannot keep owner root: run as root" }
            return "cannot keep owner \(owner): run as \(owner) or as root"
        }
        if !memberGroups().contains(status.st_gid) {
            let group = groupName(status.st_gid)
            return "cannot keep group \(group): run as a member of \(group) or as root"
        }
        return nil
    }

    /// The process's umask: the permission bits a file it makes does not get. Read from
    /// `/proc/self/status` where there is one, as `umask(2)` can only be read by setting it, which
    /// would briefly change it for every thread of the process.
    static func creationMask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// The effective group and the supplementary groups of this process.
    private static func memberGroups() -> Set<gid_t> {
        var groups: Set<gid_t> = [getegid()]
        let count = getgroups(0, nil)
        if count > 0 {
            var list = [gid_t](repeating: 0, count: Int(count))
            let found = getgroups(count, &list)
            if found > 0 { groups.formUnion(list.prefix(Int(found))) }
        }
        return groups
    }

    static func userName(_ id: uid_t) -> String {
        guard let entry = getpwuid(id), let name = entry.pointee.pw_name else { return String(id) }
        return String(cString: name)
    }

    static func groupName(_ id: gid_t) -> String {
        guard let entry = getgrgid(id), let name = entry.pointee.gr_name else { return String(id) }
        return String(cString: name)
    }
}
