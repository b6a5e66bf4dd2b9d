namespace TeamWiki.Web.Tests.Markup;

/// <summary>Realistic page bodies, written the way the team writes them.</summary>
internal static class SamplePages
{
    public const string OnboardingPath = "handboek/onboarding/eerste-werkdag";

    public const string Onboarding = """
        ---
        title: Eerste werkdag
        tags: [onboarding, hr]
        ---
        # Eerste werkdag

        Welkom bij **Lindeboom ICT**! Deze pagina hoort bij [[Onboarding]] en wordt bijgehouden
        door HR. Vragen? Mail <hr@lindeboom.nl> of kijk op https://intranet.lindeboom.nl.

        ## Eerste week

        - [x] Laptop ophalen bij de servicedesk
        - [ ] Badge aanvragen (zie [[Toegangsbeleid]])
        - [ ] Git instellen volgens [de workflow](../../kennisbank/git-workflow.md#stap-2)
          - SSH-sleutel aanmaken
          - Sleutel toevoegen in de portal

        ### Maandag

        | Tijd  | Onderdeel            | Met wie  |
        |:------|:---------------------|---------:|
        | 09:00 | Ontvangst & koffie   | Anna     |
        | 10:30 | Rondleiding          | Bram     |

        ![Plattegrond](../_media/plattegrond.svg)

        ### Dinsdag

        Je krijgt toegang tot de repository. Test je verbinding zo:

        ```bash
        ssh -T git@git.lindeboom.nl
        ## geen kop, gewoon commentaar in de uitvoer
        ```

        > **Let op:** deel je wachtwoord ~~nooit~~ nooit, ook niet met de servicedesk.[^1]

        ## Coördinatie

        Overleg over roosters loopt via [[Coördinatie]] en het team van
        [[kennisbank/git-workflow|Git-beheer]].

        [^1]: De servicedesk vraagt nooit om je wachtwoord.
        """;
}
