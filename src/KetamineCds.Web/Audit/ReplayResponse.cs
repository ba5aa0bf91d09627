using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>What a replay came to, as the Replay page says it.</summary>
public enum ReplayOutcome
{
    /// <summary>The recomputed assessment is identical to the logged one, and the inputs replayed are the inputs shown.</summary>
    Reproduced,

    /// <summary>The input as submitted and the stored history hold different answers: the replay vouches for neither.</summary>
    InputsDisagree,

    /// <summary>The recorded rule set is no longer in the catalogue: nothing was recomputed.</summary>
    RuleSetUnavailable,

    /// <summary>The recomputed assessment differs from the logged one, or the catalogue's rule set has another digest.</summary>
    DidNotReproduce,

    /// <summary>
    /// A CDS Hooks answer that kept no inputs (logged before they were kept with each answer, QA158 F2, or one that
    /// evaluated no rule): it cannot be replayed, and nothing was recomputed.
    /// </summary>
    InputsNotKept,
}

/// <summary>
/// The body of GET /api/v1/audit/screenings/{sequence}/replay: what the Replay page shows, for an integrator or an
/// auditor's script. The outcome (a string enumeration) and the flags behind it; the rule set the entry recorded
/// (version and digest), whether it is still released and has that digest; whether the entry's two copies of its inputs
/// hold the same answers (<c>inputsAgree</c>, null when the entry stores one copy) and, when they do not, which fields
/// differ; the verdict recomputed (the contract's verdict strings, null when nothing was recomputed); and where the recomputed assessment differs from the logged one (<c>differences</c>,
/// each a JSON Pointer with the logged and the recomputed JSON, at most 100, <c>differenceCount</c> counting them all).
/// Then the entry's verification (QA109 F2), apart from the replay: <c>entryVerifies</c>, false when verification finds
/// something at this entry (its content, its links to the entries next to it, a gap beside it), and those findings in
/// <c>verificationFindings</c>, as the auditor's entry page shows them. A replay reproduces the decision from the entry
/// as stored; it does not say that the log's chain verifies there.
/// A CDS Hooks answer that ran no screening is replayed too (QA158 F2, <c>entryType</c> <c>hook-answer</c>, its id in
/// <c>screeningId</c>): the contraindication rules it evaluated are evaluated again on the inputs stored with it, and the
/// "assessment" compared is <c>{"overall", "contraindications"}</c>, each contraindication its rule and the inputs that
/// made it fire; the missing items are not recomputed. One that kept no inputs answers <c>inputs-not-kept</c>.
/// </summary>
public sealed record ReplayResponse(
    long Sequence, Guid ScreeningId, ReplayOutcome Outcome, bool Reproduced, bool AssessmentMatches, bool? InputsAgree,
    IReadOnlyList<string> InputFieldsDisagreeing, ReplayResponse.ReplayRuleSet RuleSet, bool RuleSetFound, bool DigestMatches,
    Verdict? ReplayedOverall, IReadOnlyList<ReplayResponse.ReplayDifference> Differences, long DifferenceCount,
    bool EntryVerifies, IReadOnlyList<ChainFinding> VerificationFindings, ReplayEntryType EntryType)
{
    /// <summary>Most differences listed; <see cref="DifferenceCount"/> counts them all.</summary>
    public const int DifferencesListedAtMost = 100;

    public static ReplayResponse From(long sequence, ReplayResult result, IReadOnlyList<ChainFinding> verificationFindings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(verificationFindings);
        var outcome = !result.InputsKept ? ReplayOutcome.InputsNotKept
            : result.InputsDisagree ? ReplayOutcome.InputsDisagree
            : !result.RuleSetFound ? ReplayOutcome.RuleSetUnavailable
            : result.Reproduced ? ReplayOutcome.Reproduced
            : ReplayOutcome.DidNotReproduce;
        var differences = new List<ReplayDifference>();
        long count = 0;
        if (result.ReplayedAssessmentJson is { } replayed)
        {
            count = Compare(result.StoredAssessmentJson, replayed, differences);
        }

        return new(
            sequence, result.ScreeningId, outcome, result.Reproduced, result.AssessmentMatches, result.InputsAgree,
            result.InputsDisagree ? StoredInputs.DisagreeingFields(result.InputJson, result.ReplayedInputJson) : [],
            new ReplayRuleSet(result.Recorded.Version, result.Recorded.Digest), result.RuleSetFound, result.DigestMatches,
            WireNames.TryParse<Verdict>(result.ReplayedOverall, out var overall) ? overall : null, differences, count,
            verificationFindings.Count == 0, verificationFindings,
            result.EntryType == DecisionLogEntryTypes.HookAnswer ? ReplayEntryType.HookAnswer : ReplayEntryType.Screening);
    }

    /// <summary>The rule set the log recorded for the screening.</summary>
    public sealed record ReplayRuleSet(string Version, string Digest);

    /// <summary>One place where the recomputed assessment differs: a JSON Pointer, and the JSON there in each (null where absent).</summary>
    public sealed record ReplayDifference(string Path, string? Logged, string? Replayed);

    /// <summary>Lists where two assessments' JSON differ (objects by property, arrays by position); returns how many places.</summary>
    internal static long Compare(string loggedJson, string replayedJson, List<ReplayDifference> into)
    {
        try
        {
            using var logged = JsonDocument.Parse(loggedJson);
            using var replayed = JsonDocument.Parse(replayedJson);
            return Compare(logged.RootElement, replayed.RootElement, "", into);
        }
        catch (JsonException)
        {
            // The logged assessment is not JSON (the app never writes one): the whole of it differs.
            into.Add(new ReplayDifference("", loggedJson, replayedJson));
            return 1;
        }
    }

    private static long Compare(JsonElement? logged, JsonElement? replayed, string path, List<ReplayDifference> into)
    {
        if (logged is { ValueKind: JsonValueKind.Object } lo && replayed is { ValueKind: JsonValueKind.Object } ro)
        {
            var names = lo.EnumerateObject().Select(p => p.Name).Concat(ro.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal);
            return names.Sum(n => Compare(
                lo.TryGetProperty(n, out var l) ? l : null, ro.TryGetProperty(n, out var r) ? r : null, path + "/" + Escape(n), into));
        }

        if (logged is { ValueKind: JsonValueKind.Array } la && replayed is { ValueKind: JsonValueKind.Array } ra)
        {
            var length = Math.Max(la.GetArrayLength(), ra.GetArrayLength());
            long n = 0;
            for (var i = 0; i < length; i++)
            {
                n += Compare(i < la.GetArrayLength() ? la[i] : null, i < ra.GetArrayLength() ? ra[i] : null, path + "/" + i, into);
            }

            return n;
        }

        var loggedText = logged?.GetRawText();
        var replayedText = replayed?.GetRawText();
        if (string.Equals(loggedText, replayedText, StringComparison.Ordinal))
        {
            return 0;
        }

        if (into.Count < DifferencesListedAtMost)
        {
            into.Add(new ReplayDifference(path, loggedText, replayedText));
        }

        return 1;
    }

    // RFC 6901: "~" and "/" in a name.
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
