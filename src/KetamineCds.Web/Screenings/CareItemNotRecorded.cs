using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>A finding that fired because something calling for care was not recorded.</summary>
/// <param name="Labels">The labels of the unrecorded fields it names.</param>
/// <param name="Finding">The finding (its rule id, kind and summary say what to do meanwhile).</param>
public sealed record CareItemNotRecorded(IReadOnlyList<string> Labels, Finding Finding);
