using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Localization;

/// <summary>
/// The app's two languages (issue 14, contract "Language"): the framework's localization over the resource files in
/// <c>Resources/</c>, the request localization middleware (the language cookie first, then Accept-Language, each
/// mapped by <see cref="Cultures.Map"/>; English when neither names a supported language), Content-Language on every
/// response, and the clinical text service.
/// </summary>
public static class LocalizationSetup
{
    /// <summary>Where the resource files are, relative to the project (the framework's ResourcesPath).</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>
    /// The framework's factory over the same resource files, for code that runs without a request's services: the static
    /// <see cref="ClinicalText.Shared"/> and the outage page of a request that has none (DatabaseUnavailableHandler). One
    /// factory, so that both read the resources as the app does and share its cache.
    /// </summary>
    public static IStringLocalizerFactory SharedFactory { get; } = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = ResourcesPath }), NullLoggerFactory.Instance);

    /// <summary>
    /// The HTML encoder of a page written without Razor (the outage page, DatabaseUnavailableHandler, where a request has
    /// no services): the same settings as Razor's (<see cref="PageEncoderSettings"/>), so that both write the same text.
    /// </summary>
    public static HtmlEncoder PageHtmlEncoder { get; } = HtmlEncoder.Create(PageEncoderSettings());

    /// <summary>
    /// Pages write Chinese as characters, not as one HTML entity each (pages three times the size); the encoder still
    /// escapes markup (&lt;, &gt;, &amp;, quotes) and everything it must. The pages are UTF-8 and say so.
    /// </summary>
    private static TextEncoderSettings PageEncoderSettings() => new(UnicodeRanges.All);

    public static IServiceCollection AddKetamineCdsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = ResourcesPath);
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options => options.TextEncoderSettings = PageEncoderSettings());
        services.AddSingleton(sp => new ClinicalText(sp.GetRequiredService<IStringLocalizerFactory>()));
        services.Configure<RequestLocalizationOptions>(Configure);
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                var text = context.HttpContext.RequestServices.GetRequiredService<ClinicalText>();
                // In the language the response's Content-Language names: an endpoint may have chosen it for the request (a
                // CDS Hooks client's configured language) after the middleware set the thread's.
                text.LocalizeIn(context.ProblemDetails, context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture);
            };
        });
        return services;
    }

    /// <summary>
    /// The middleware; first in the pipeline, so that every response (pages, API, errors, redirects) carries
    /// Content-Language and every later middleware reads and writes in the request's language.
    /// </summary>
    public static WebApplication UseKetamineCdsLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            // Set as the response starts, so that an error handler that clears the headers cannot drop it; read then, so
            // that an endpoint that answers in another language (a CDS Hooks client's configured one) is described.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentLanguage = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? Cultures.English;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The options: English default; UI in English or Simplified Chinese; cookie before Accept-Language.</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultRequestCulture = new RequestCulture(Cultures.English);
        // Numbers and dates keep one format in both languages (the format the form and the print already use); only
        // the words change. A clinician reading either language sees 140/90 mmHg and 2026-11-28 alike.
        options.SupportedCultures = [CultureInfo.GetCultureInfo(Cultures.English)];
        options.SupportedUICultures = [.. Cultures.Supported.Select(CultureInfo.GetCultureInfo)];
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new MappedRequestCultureProvider(new CookieRequestCultureProvider { CookieName = CookieRequestCultureProvider.DefaultCookieName }),
            new MappedRequestCultureProvider(new AcceptedLanguagesProvider()),
        ];
    }
}
