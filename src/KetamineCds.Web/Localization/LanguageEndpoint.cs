using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KetamineCds.Web.Localization;

/// <summary>
/// <c>POST /Language</c>: the pages' language switch. A form post with <c>culture</c> (<c>en</c> or <c>zh-Hans</c>;
/// tags such as <c>zh-CN</c> are mapped) and <c>returnUrl</c>, carrying the anti-forgery token every page form
/// carries. It remembers the choice in the framework's culture cookie for a year and redirects back to the page,
/// never to another site: a <c>returnUrl</c> that is not a local path sends the browser to the home page.
/// </summary>
public static class LanguageEndpoint
{
    public const string Path = "/Language";

    private const string SignInPath = "/Account/Login";

    /// <summary>
    /// The TempData key that tells the page a signed-in user is sent back to that the language was not changed (its
    /// form's token no longer held); the layout shows the notice once (QA113 F5).
    /// </summary>
    public const string NotChangedNotice = "LanguageNotChanged";

    /// <summary>How long the browser remembers the choice.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapLanguageEndpoint(this IEndpointRouteBuilder app)
    {
        // Open to everyone: the sign-in page has the switch too. The anti-forgery check is explicit (below).
        app.MapPost(Path, SwitchAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SwitchAsync(HttpContext context, IAntiforgery antiforgery, ClinicalText text)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: text.Message("Language.FormExpected"));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            // A page's form whose token no longer holds: most often the session ended (signed out in another tab, or
            // idle). The browser gets a page, never a bare problem document (QA8 F22): signed out, the sign-in page
            // with a notice, which leads back to the page afterwards; still signed in, the page again (a fresh token).
            // The language is not changed: only a valid form changes it. Signed in, the page says so (QA113 F5).
            var back = LocalReturnUrl(form["returnUrl"].ToString());
            if (context.User.Identity?.IsAuthenticated == true || back.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase))
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
                    tempData[NotChangedNotice] = true;
                    tempData.Save();
                }

                return Results.Redirect(back, permanent: false, preserveMethod: false);
            }

            return Results.Redirect(
                $"{SignInPath}?ReturnUrl={Uri.EscapeDataString(back)}&{Pages.Account.LoginModel.LanguageNotChangedName}=true",
                permanent: false,
                preserveMethod: false);
        }

        var culture = Cultures.Map(form["culture"].ToString());
        if (!Cultures.Supported.Contains(culture, StringComparer.Ordinal))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["culture"] = [text.Message("Language.Unsupported", string.Join(", ", Cultures.Supported))] },
                title: text.Message("Language.NotChanged"));
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Cultures.English, culture)),
            new CookieOptions
            {
                Path = "/",
                MaxAge = CookieLifetime,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                // Lax, not Strict as every other cookie (docs/security.md): a preference, not a credential, and a page
                // reached from another site (the EHR's card link, which lands on the sign-in page) is then in the language
                // the user chose. It is set only by a same-site post carrying a valid anti-forgery token.
                SameSite = SameSiteMode.Lax,
                IsEssential = true, // a preference the user asked for, not tracking
            });

        return Results.Redirect(LocalReturnUrl(form["returnUrl"].ToString()), permanent: false, preserveMethod: false);
    }

    /// <summary>
    /// The path to go back to: the given one when it is a local path (<c>/Screenings/New?x=1</c>), else <c>/</c>.
    /// Absolute URLs, scheme-relative <c>//host</c>, <c>/\host</c> and anything with control characters are refused.
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }

        return returnUrl;
    }
}
