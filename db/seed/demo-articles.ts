/**
 * Fictional news coverage of one story, written for the demo. The articles exercise the
 * hard cases: quotes inside claims, a speaker's name spelt three ways (Marta Kessler,
 * Kesler, M. Keßler), curly and straight quotes, an emoji, a non-Latin name, a
 * right-to-left phrase and CRLF line ends.
 */
import type { Database } from "../types";
import { articles } from "../schema";
import { textHash } from "../../lib/text/text-hash";

export type DemoArticle = {
  externalId: string;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string;
  text: string;
};

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    externalId: "velmora-strike-harbour-gazette-2026-03-02",
    title: "Velmora port workers walk out as talks collapse",
    outlet: "Harbour Gazette",
    url: "https://example.org/harbour-gazette/velmora-strike",
    publishedAt: "2026-03-02",
    text: [
      "Dock workers at the port of Velmora stopped work at dawn on Monday after overnight talks with the port authority broke down.",
      "Union leader Marta Kessler told reporters that “the authority has offered nothing but promises, and promises do not pay rent.” She said the strike would continue “until every crane is idle.”",
      "The port authority said in a statement that the union's demands would cost “more than the port earns in a year”, a figure the union disputes.",
      "Shipping agent 王小明 (Wang Xiaoming), whose vessels wait at anchor, said: \"We lose forty thousand a day. Someone has to blink.\"",
    ].join("\n"),
  },
  {
    externalId: "velmora-strike-coastal-times-2026-03-02",
    title: "Port strike: union chief vows to keep cranes idle",
    outlet: "Coastal Times",
    url: "https://example.org/coastal-times/port-strike",
    publishedAt: "2026-03-02",
    text: [
      "Velmora's container terminal stood silent on Monday. Union chief Kesler said the authority had \"offered nothing but promises\" and warned that \"promises do not pay rent\".",
      "Critics argue that the strike, which Kesler called “a last resort 🚢”, will push shipping lines to the rival port of Arlen within weeks.",
      "Protesters outside the gates carried banners in several languages, among them the Arabic «لا للاستغلال» (“no to exploitation”).",
    ].join("\r\n"),
  },
  {
    externalId: "velmora-strike-the-ledger-2026-03-03",
    title: "Who pays for the Velmora strike?",
    outlet: "The Ledger",
    url: "https://example.org/the-ledger/who-pays",
    publishedAt: "2026-03-03",
    text: [
      "Economists warn that the Velmora dispute, now in its second day, could cost the regional economy dearly.",
      "According to M. Keßler, “the authority has offered nothing but promises” — a claim the authority's director, Jonas Brandt, rejected as “simply untrue, because our offer included a 4% raise.”",
      "Brandt added: 'We remain at the table. The door is open.'",
      "Wang Xiaoming, a shipping agent, estimated losses at forty thousand a day.",
    ].join("\n"),
  },
  {
    externalId: "velmora-strike-north-wire-2026-03-04",
    title: "Velmora talks to resume on Thursday",
    outlet: "North Wire",
    url: "https://example.org/north-wire/talks-resume",
    publishedAt: "2026-03-04",
    text: [
      "Mediators announced that talks between the Velmora dockworkers' union and the port authority will resume on Thursday.",
      "Marta Kessler said the union would attend “in good faith, but without illusions.”",
      "Jonas Brandt told North Wire that the authority's offer “remains on the table”, and that he hoped the cranes would move again “by the weekend 🤞🏽”.",
    ].join("\n"),
  },
];

/** The demo articles, stored exactly, in a project. */
export function insertDemoArticles(db: Database, projectId: string) {
  return db
    .insert(articles)
    .values(
      DEMO_ARTICLES.map((article) => ({
        projectId,
        externalId: article.externalId,
        title: article.title,
        outlet: article.outlet,
        url: article.url,
        publishedAt: article.publishedAt,
        text: article.text,
        textHash: textHash(article.text),
      })),
    )
    .returning();
}
