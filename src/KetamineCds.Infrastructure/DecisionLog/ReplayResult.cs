using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Whether a logged screening reproduces under the rule set it was decided with.</summary>
/// <param name="ScreeningId">The logged screening.</param>
/// <param name="Recorded">The rule set version and digest the log recorded.</param>
/// <param name="RuleSetFound">The recorded version is still in the catalogue.</param>
/// <param name="DigestMatches">The catalogue's rule set of that version has the recorded digest.</param>
/// <param name="Reproduced">The recomputed assessment is identical, byte for byte, to the stored one.</param>
/// <param name="StoredAssessmentJson">The assessment as logged.</param>
/// <param name="ReplayedAssessmentJson">The assessment recomputed now, or null if the rule set is gone.</param>
/// <param name="ReplayedOverall">The recomputed overall verdict.</param>
public sealed record ReplayResult(
    Guid ScreeningId, RuleSetIdentity Recorded, bool RuleSetFound, bool DigestMatches, bool Reproduced,
    string StoredAssessmentJson, string? ReplayedAssessmentJson, string? ReplayedOverall);
