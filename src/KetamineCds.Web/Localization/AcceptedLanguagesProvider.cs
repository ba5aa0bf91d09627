using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace KetamineCds.Web.Localization;

/// <summary>
/// The languages of <c>Accept-Language</c>, most preferred first, leaving out every one marked <c>q=0</c>: RFC 9110
/// (section 12.4.2) reads a weight of 0 as "not acceptable". The framework's
/// <see cref="AcceptLanguageHeaderRequestCultureProvider"/> kept them, so <c>Accept-Language: zh-CN;q=0</c> (or
/// <c>*, zh;q=0</c>) was answered in Chinese (helper 330's QA walk). At most
/// <see cref="MaximumValuesToTry"/> languages are tried, the most preferred (the framework took the first five as
/// written, then ordered them).
/// </summary>
public sealed class AcceptedLanguagesProvider : RequestCultureProvider
{
    /// <summary>How many of the acceptable languages are tried, most preferred first.</summary>
    public const int MaximumValuesToTry = 5;

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var languages = header
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value, StringWithQualityHeaderValueComparer.QualityComparer)
            .Select(value => value.Value)
            .Take(MaximumValuesToTry)
            .ToList();
        return Task.FromResult(languages.Count == 0 ? null : new ProviderCultureResult(languages));
    }
}
