/// "; did you mean 'x'?" for a name given on the command line (`mailzone schema NAME`), worded as
/// the declaration's own errors word it; empty when no name is close.
public enum NearestName {
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        Suggestion.didYouMean(word, in: candidates)
    }
}
