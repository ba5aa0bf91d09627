using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>A finding that fired because something calling for care was not recorded.</summary>
/// <param name="Fields">
/// The contract names of the unrecorded fields it names, in the order of <paramref name="Labels"/> (helper 231: so that the
/// CDS Hooks card naming what is not recorded can place a chart entry to check about one in place of its label).
/// </param>
/// <param name="Labels">The labels of the unrecorded fields it names.</param>
/// <param name="Finding">The finding (its rule id, kind and summary say what to do meanwhile).</param>
/// <param name="BeforeFirstDose">
/// True when a field it names must be known before the first dose (<see cref="CareBeforeFirstDose"/>: blood pressure, CV-004;
/// hepatic status, HEP-003): no pathway waits for it, but an answer could still rule treatment out, so the dose waits.
/// </param>
public sealed record CareItemNotRecorded(IReadOnlyList<string> Fields, IReadOnlyList<string> Labels, Finding Finding, bool BeforeFirstDose = false);
