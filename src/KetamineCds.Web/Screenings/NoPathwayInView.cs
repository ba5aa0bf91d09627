using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Helper 252 (QA247): whether no pathway of a screening is open or waiting (none eligible, eligible with cautions,
/// incomplete or investigational only): nothing is proposed, yet the cautions and requirements are still listed in the rules' own words, some of them
/// written for a session about to be given (CV-002 "weigh delaying today's session", SUI-013 "before the first session").
/// The rule texts are part of the versioned rule sets and of replay and are never changed; the result page, the print and
/// the CDS Hooks card instead frame those findings with one lead line: they apply only if a pathway is considered later.
/// That holds for "Not indicated" (no indication holds) and for "Not eligible" (a contraindication blocks every pathway: the
/// findings still matter if it is resolved) alike, so the one test decides both.
/// </summary>
/// <remarks>
/// Helper 267 (QA F3): the investigational PTSD/OCD pathway counts. "Not indicated" leaves it aside (docs/rules.md), so a PTSD
/// history is "Not indicated" while that pathway is open as investigational only: the page then said "No pathway is open or
/// waiting for this history" above the pathway table showing it "Investigational only", and the cautions and requirements
/// bear on that use (considered within research or a carefully designed protocol, P-PTSD, P-OCD). An incomplete one, which
/// waits for an answer, already counted.
/// </remarks>
public static class NoPathwayInView
{
    /// <summary>True when no pathway is eligible, eligible with cautions, incomplete or investigational only.</summary>
    public static bool Applies(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return !assessment.Pathways.Any(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions or PathwayStatus.Incomplete or PathwayStatus.InvestigationalOnly);
    }

    /// <summary>True when <see cref="Applies"/> and there is a caution or a requirement to frame.</summary>
    public static bool FramesFindings(Assessment assessment) =>
        Applies(assessment) && assessment.Findings.Any(f => f.Kind is FindingKind.Caution or FindingKind.Requirement);
}
