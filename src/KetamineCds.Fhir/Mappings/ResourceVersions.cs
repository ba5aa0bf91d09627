using System.Globalization;
using Hl7.Fhir.Model;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Helper 203: a prefetch may send one resource (the same type and id) more than once: two versions of it, or the same
/// copy twice. The later version supersedes the earlier (a Condition confirmed in version 1 and entered in error in
/// version 2 is entered in error), so only the latest is read: the highest numeric <c>meta.versionId</c>, else, where
/// those are missing or not comparable, the latest <c>meta.lastUpdated</c>. Identical copies are read once. Copies that
/// differ and whose order cannot be told are none of them read: each is named, as <see cref="ChartCheckKind.VersionUnclear"/>,
/// beside the fields it would have answered (<see cref="SubjectsNotShown.Name"/>), never read as a "no".
/// </summary>
internal static class ResourceVersions
{
    /// <summary>
    /// The resources to read (each resource's latest version, one copy of identical ones, in the prefetch's order) and
    /// the copies whose order cannot be told.
    /// </summary>
    public static (IReadOnlyList<SourcedResource> Current, IReadOnlyList<SourcedResource> Unclear) Split(IReadOnlyList<SourcedResource> resources)
    {
        var setAside = new HashSet<SourcedResource>(ReferenceEqualityComparer.Instance);
        var unclear = new List<SourcedResource>();
        var groups = resources
            // The Patient is left as it was read before: SamePatient.Check has judged every copy of it already, and a second
            // copy (the patient key and an _include in a search) may differ only by a summary while sharing its version.
            .Where(r => !string.IsNullOrEmpty(r.Resource.Id) && r.Resource is not Patient)
            .GroupBy(r => (r.Resource.TypeName, r.Resource.Id))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var distinct = new List<SourcedResource>();
            foreach (var copy in group)
            {
                if (distinct.Any(d => d.Resource.IsExactly(copy.Resource)))
                    setAside.Add(copy);
                else
                    distinct.Add(copy);
            }

            if (distinct.Count == 1)
                continue;
            if (LatestOf(distinct) is { } latest)
            {
                setAside.UnionWith(distinct.Where(d => !ReferenceEquals(d, latest)));
                continue;
            }

            setAside.UnionWith(distinct);
            unclear.AddRange(distinct);
        }

        return ([.. resources.Where(r => !setAside.Contains(r))], unclear);
    }

    /// <summary>The latest of copies that differ: by a numeric versionId on each, else a lastUpdated on each; null when neither tells.</summary>
    private static SourcedResource? LatestOf(List<SourcedResource> copies)
    {
        var versions = copies.Select(c => long.TryParse(c.Resource.Meta?.VersionId, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToArray();
        if (versions.All(v => v is not null) && Unique(versions.Select(v => v!.Value).ToArray()) is { } byVersion)
            return copies[byVersion];

        var updated = copies.Select(c => c.Resource.Meta?.LastUpdated).ToArray();
        if (updated.All(u => u is not null) && Unique(updated.Select(u => u!.Value.UtcTicks).ToArray()) is { } byUpdate)
            return copies[byUpdate];
        return null;
    }

    /// <summary>The index of the highest value, when no other value equals it.</summary>
    private static int? Unique(long[] values)
    {
        var highest = values.Max();
        return values.Count(v => v == highest) == 1 ? Array.IndexOf(values, highest) : null;
    }
}
