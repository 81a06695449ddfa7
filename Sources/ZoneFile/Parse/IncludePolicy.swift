/// Which files `$INCLUDE` may read.
///
/// A zone file names the files it includes, and whoever writes the zone chooses them: `$INCLUDE
/// /etc/shadow` or `$INCLUDE ../../secrets` would otherwise be read (and their lines echoed back in
/// diagnostics) by any program that loads a zone it was given. So a load reads, by default, only files
/// inside the zone file's own directory; a program that reads zones as BIND does, from trusted
/// input, opts in to `.anywhere`. Every check resolves symbolic links and `..` first, so neither
/// `link/../x` nor an absolute path leaves the directory.
public enum IncludePolicy: Sendable, Hashable {
    /// No file is included: each `$INCLUDE` is an error (`include.refused`).
    case refused
    /// Only files inside the directory of the zone file being loaded (the default).
    case confinedToZoneDirectory
    /// Only files inside this directory, such as the root of the repository that holds the zone.
    case confined(to: String)
    /// Any file the process can read, as BIND reads a zone.
    case anywhere
}
