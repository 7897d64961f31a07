using PracticeBot.Host.Reviews.Sources.Email;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>The mailbox reader's counts: each message once, and memory as large as the folder, not the process's life.</summary>
public sealed class EmailAlertStatusTests
{
    [Fact]
    public void Counts_AMessageSeenOnEveryPass_CountsOnce()
    {
        var status = new EmailAlertStatus();

        status.CountProcessed(7, 1);
        status.KeepOnly(7, [1, 2]);
        status.CountAlreadyProcessed(7, 1); // the next pass finds its own record of message 1
        status.CountAlreadyProcessed(7, 2);
        status.CountAlreadyProcessed(7, 2);
        status.KeepOnly(7, [1, 2]);

        Assert.Equal((1, 1), (status.Processed, status.AlreadyProcessed));
    }

    [Fact]
    public void KeepOnly_MessagesThatLeftTheFolder_AreForgottenAndTheCountsStay()
    {
        var status = new EmailAlertStatus();
        for (var uid = 1; uid <= 10_000; uid++)
        {
            status.CountProcessed(7, uid);
        }

        status.KeepOnly(7, [9_999, 10_000]); // the rest were filed to another folder
        status.CountAlreadyProcessed(7, 10_000);

        Assert.Equal(2, status.Remembered);
        Assert.Equal((10_000, 0), (status.Processed, status.AlreadyProcessed));
    }

    [Fact]
    public void KeepOnly_NewUidValidity_ForgetsTheOldOnes()
    {
        var status = new EmailAlertStatus();
        status.CountProcessed(7, 1);

        status.KeepOnly(8, [1]); // the folder was recreated: UID 1 is another message now
        status.CountProcessed(8, 1);

        Assert.Equal(1, status.Remembered);
        Assert.Equal(2, status.Processed);
    }
}
