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

    [Fact]
    public void KeysStartingWith_ListsOnlyThatPrefix_AndRemoveDropsOne()
    {
        _catalog.Settings.Set("p:b", "1");
        _catalog.Settings.Set("p:a", "1");
        _catalog.Settings.Set("p_x", "1");
        _catalog.Settings.Remove("p:b");
        Assert.Equal(["p:a"], _catalog.Settings.KeysStartingWith("p:"));
    }

    public void Dispose() => _catalog.Dispose();
}
