using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// Page clients whose sign-in cookie the test can read and replay, as an attacker who copied it would, and page
/// forms posted with their anti-forgery token.
/// </summary>
public static class SessionClients
{
    public const string AuthCookie = "KetamineCds.Auth";

    /// <summary>A cookie-keeping page client signed in as <paramref name="email"/>, and the sign-in cookie it was given.</summary>
    public static async Task<(HttpClient Client, Func<string> AuthCookieValue)> SignInRecordingAsync(this KetamineCdsFactory factory, string email)
    {
        var recorder = new SetCookieRecorder();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), recorder, new CookieContainerHandler());
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = KetamineCdsFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, () => recorder.Last(AuthCookie) ?? throw new InvalidOperationException("No sign-in cookie was set."));
    }

    /// <summary>A client that sends exactly this sign-in cookie and nothing else (a copied cookie).</summary>
    public static HttpClient WithCopiedCookie(this KetamineCdsFactory factory, string cookieValue)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", AuthCookie + "=" + cookieValue);
        return client;
    }

    /// <summary>Posts a page form (a named handler, or the page's default) with the anti-forgery token read from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The account's id.</summary>
    public static async Task<string> UserIdAsync(this KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>True when a page request was sent to sign in.</summary>
    public static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && (response.Headers.Location?.OriginalString ?? "").StartsWith("/Account/Login", StringComparison.Ordinal);

    /// <summary>Keeps the value of every cookie the app sets.</summary>
    private sealed class SetCookieRecorder : DelegatingHandler
    {
        private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

        public string? Last(string name)
        {
            lock (_last)
            {
                return _last.GetValueOrDefault(name);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var match = Regex.Match(cookie, "^([^=]+)=([^;]*)");
                    if (match.Success && match.Groups[2].Value.Length > 0)
                    {
                        lock (_last)
                        {
                            _last[match.Groups[1].Value] = match.Groups[2].Value;
                        }
                    }
                }
            }

            return response;
        }
    }
}
