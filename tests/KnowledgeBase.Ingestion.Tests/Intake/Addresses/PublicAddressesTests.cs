using System.Net;
using KnowledgeBase.Ingestion.Intake.Addresses;

namespace KnowledgeBase.Ingestion.Tests.Intake.Addresses;

/// <summary>The address classification alone: no connection is made.</summary>
public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:7f00:1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2001::1")]
    [InlineData("2001:db8::1")]
    [InlineData("100::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("ff05::2")]
    public void InternalAndReservedAddresses_AreNotPublic(string address)
    {
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)), address);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void PublicAddresses_ArePublic(string address)
    {
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)), address);
    }

    [Fact]
    public void Policy_AllowsPrivateOnlyWhenSetOrListed()
    {
        var loopback = new IPEndPoint(IPAddress.Loopback, 8080);
        Assert.False(new ImportAddressPolicy(false).IsAllowed(loopback));
        Assert.False(new ImportAddressPolicy(false).IsAllowed(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 8080)));
        Assert.True(new ImportAddressPolicy(true).IsAllowed(loopback));
        Assert.True(new ImportAddressPolicy(false, [loopback]).IsAllowed(loopback));
        Assert.False(new ImportAddressPolicy(false, [loopback]).IsAllowed(new IPEndPoint(IPAddress.Loopback, 8081)));
    }
}
