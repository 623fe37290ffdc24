using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Search;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Health;
using KnowledgeBase.Web.Hosting;
using KnowledgeBase.Web.OpenApi;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace KnowledgeBase.Web;

public static class WebApplicationExtensions
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    /// <summary>Everything the web host needs: options, search, ingestion (with the worker unless switched off), MVC.</summary>
    public static WebApplicationBuilder AddKnowledgeBaseWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KnowledgeBaseOptions>().BindConfiguration(KnowledgeBaseOptions.SectionName);
        services.AddKnowledgeBaseSearch();
        services.AddKnowledgeBaseIngestion();
        services.AddKnowledgeBaseAuth(builder.Configuration);

        // Whether the worker runs decides which services exist, so it is known before the container is: the
        // options class bound once from the configuration, with its own defaults.
        var ingestion = builder.Configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions();
        if (ingestion.RunWorker)
        {
            services.AddKnowledgeBaseIngestionWorker();
        }

        // Razor would otherwise write every Vietnamese letter as a numeric entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<UiText>();
        services.AddSingleton<Models.OriginalFiles>();
        services.AddSingleton<Models.UploadIntake>();
        services.AddScoped<Models.JobRetry>();
        // Antiforgery and cookie keys survive restarts, kept with the rest of the data (what PersistKeysToFileSystem
        // does, with the folder taken from the options rather than from a second reading of the configuration).
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KnowledgeBaseOptions>, ILoggerFactory>((keys, data, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(data.Value.DataDirectory, "keys")), logging));

        // Serve wwwroot from the project when run with "dotnet run" in any environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        services.AddControllersWithViews()
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        services.AddProblemDetails();
        services.AddKnowledgeBaseHealth();
        services.AddKnowledgeBaseOpenApi();
        services.AddKnowledgeBaseForwardedHeaders();
        // Intake refuses a file over the limit with a reason; a request far larger is cut off while it is read.
        services.AddOptions<FormOptions>().Configure<IOptions<IngestionOptions>>((form, options) => form.MultipartBodyLengthLimit = LargestRequest(options.Value));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestionOptions>>((kestrel, options) => kestrel.Limits.MaxRequestBodySize = LargestRequest(options.Value));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                // ?lang=en or ?lang=vi for one page; /lang/{xx} stores the choice in a cookie.
                new CustomRequestCultureProvider(context =>
                {
                    var lang = context.Request.Query["lang"].ToString();
                    var culture = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == lang);
                    return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture.Name));
                }),
                new CookieRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseKnowledgeBaseWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseKnowledgeBaseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        // Open the index now: this process is its one writer, and a second one must fail at start, not later.
        app.Services.GetRequiredService<KnowledgeBase.Search.Indexing.LuceneIndex>();
        app.UseStatusCodePages();
        app.UseRequestSizeLimits();
        app.UseUploadBuffering();
        app.UseRequestLocalization();
        app.MapStaticAssets().AllowAnonymous();
        app.UseRouting();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // A token that names no account is an error to report, not a reason to carry on as anonymous.
            if (BearerTokenHandler.HasToken(context.Request) && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync(BearerTokenHandler.SchemeName);
                return;
            }

            await next();
        });
        app.UseAuthorization();
        app.MapControllers();
        app.MapKnowledgeBaseHealth().AllowAnonymous(); // probes (systemd, a proxy) carry no credentials
        app.MapKnowledgeBaseOpenApi();
        app.MapControllerRoute("default", "{controller=Search}/{action=Index}/{id?}");
        return app;
    }

    /// <summary>The largest accepted file and a megabyte for the form's other fields.</summary>
    internal static long LargestRequest(IngestionOptions options) => ((long)options.MaxFileMb + 1) * 1024 * 1024;
}
