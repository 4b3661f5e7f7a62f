import PodiumCore

extension PaneContent.Tone {
    /// How a rating stands out: low ones as errors, high ones as successes.
    init(rating: Rating) {
        self = rating.normalized <= 0.35 ? .error : rating.normalized >= 0.75 ? .success : .normal
    }
}
