using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Helper 252 (QA247): whether no pathway of a screening is open or waiting (none eligible, eligible with cautions or
/// incomplete): nothing is proposed, yet the cautions and requirements are still listed in the rules' own words, some of them
/// written for a session about to be given (CV-002 "weigh delaying today's session", SUI-013 "before the first session").
/// The rule texts are part of the versioned rule sets and of replay and are never changed; the result page, the print and
/// the CDS Hooks card instead frame those findings with one lead line: they apply only if a pathway is considered later.
/// That holds for "Not indicated" (no indication holds) and for "Not eligible" (a contraindication blocks every pathway: the
/// findings still matter if it is resolved) alike, so the one test decides both.
/// </summary>
public static class NoPathwayInView
{
    /// <summary>True when no pathway is eligible, eligible with cautions or incomplete.</summary>
    public static bool Applies(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return !assessment.Pathways.Any(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions or PathwayStatus.Incomplete);
    }

    /// <summary>True when <see cref="Applies"/> and there is a caution or a requirement to frame.</summary>
    public static bool FramesFindings(Assessment assessment) =>
        Applies(assessment) && assessment.Findings.Any(f => f.Kind is FindingKind.Caution or FindingKind.Requirement);
}
