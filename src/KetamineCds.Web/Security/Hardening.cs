using KetamineCds.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KetamineCds.Web.Security;

/// <summary>
/// Security hardening that does not depend on any one page: no demo password outside Development, secure cookies,
/// data-protection keys shared through the database and encrypted with a certificate, HTTPS and HSTS outside Development, request size limits,
/// rate limits, security headers, and error pages without stack traces.
/// </summary>
public static class Hardening
{
    /// <summary>Page sessions end after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Largest request body the server accepts at all (the API sets a smaller limit of its own).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddKetamineCdsHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        DemoAccounts.RefuseDemoPasswordOutsideDevelopment(builder.Environment, builder.Configuration);

        if (!builder.Environment.IsDevelopment())
        {
            services.ConfigureApplicationCookie(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("KetamineCds")
            .PersistKeysToDbContext<KetamineCdsDbContext>();
        // Keys at rest: encrypted with the configured certificate (Development makes one); see DataProtectionCertificate.
        if (DataProtectionCertificate.Load(builder.Configuration, builder.Environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            services.AddSingleton(new UnencryptedDataProtectionKeys());
        }

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options =>
        {
            options.ValueCountLimit = 256;
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });

        if (builder.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            });
        }

        services.AddKetamineCdsRateLimits(builder.Configuration);
        services.AddProblemDetails();
        return builder;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The middleware half; call before routing-dependent middleware.</summary>
    public static WebApplication UseKetamineCdsHardening(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // The API answers with problem details, pages with a friendly error page; neither shows a stack trace.
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
            app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler("/Error"));
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // Error statuses: problem details for the API, the friendly error page for pages.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        return app;
    }
}

/// <summary>Registered when no data-protection certificate is configured, so that start-up can say so plainly.</summary>
public sealed class UnencryptedDataProtectionKeys;
