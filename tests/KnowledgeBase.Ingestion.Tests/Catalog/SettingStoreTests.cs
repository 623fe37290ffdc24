namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>Named values in the catalog.</summary>
public sealed class SettingStoreTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();

    [Fact]
    public void SetThenGet_RoundTrips()
    {
        Assert.Null(_catalog.Settings.Get("k"));
        _catalog.Settings.Set("k", "v1");
        _catalog.Settings.Set("k", "v2");
        Assert.Equal("v2", _catalog.Settings.Get("k"));
    }

    public void Dispose() => _catalog.Dispose();
}
