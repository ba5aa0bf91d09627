using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace KetamineCds.Web.Localization;

/// <summary>
/// Asks another provider (the language cookie, or Accept-Language) and maps each language it names onto a supported
/// culture (<see cref="Cultures.Map"/>): <c>zh-CN</c> becomes <c>zh-Hans</c>, which the framework's own parent-culture
/// fallback would not do for a bare <c>zh</c>.
/// </summary>
public sealed class MappedRequestCultureProvider(IRequestCultureProvider inner) : RequestCultureProvider
{
    /// <summary>The provider whose answer is mapped.</summary>
    public IRequestCultureProvider Inner { get; } = inner;

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var result = await Inner.DetermineProviderCultureResult(httpContext);
        return result is null ? null : new ProviderCultureResult(Map(result.Cultures), Map(result.UICultures));
    }

    private static List<StringSegment> Map(IList<StringSegment> tags) =>
        [.. tags.Select(t => new StringSegment(Cultures.Map(t.Value ?? string.Empty)))];
}
