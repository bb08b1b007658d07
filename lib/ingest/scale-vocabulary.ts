/**
 * Known answer scales by wording, in English, German, French and Spanish: each table is one scale
 * family (agreement, satisfaction, likelihood, importance, frequency, quality) with a position per
 * label, low → high. A set of labels is that scale when every label is in one table. English
 * agreement-style scales with modifiers ("Somewhat likely") are also parsed by `scales.ts`.
 */

type Table = Record<string, number>;

const AGREE: Table = {
  // German
  "stimme überhaupt nicht zu": 1, "stimme gar nicht zu": 1, "stimme nicht zu": 1.5, "stimme eher nicht zu": 2, "lehne ab": 1.5, "lehne völlig ab": 1, "lehne eher ab": 2,
  "teils/teils": 3, "teils, teils": 3, "teils teils": 3, "weder noch": 3, "unentschieden": 3, "stimme eher zu": 4, "stimme zu": 4.5, "stimme voll zu": 5, "stimme voll und ganz zu": 5, "stimme völlig zu": 5,
  "trifft überhaupt nicht zu": 1, "trifft gar nicht zu": 1, "trifft nicht zu": 1.5, "trifft eher nicht zu": 2, "trifft eher zu": 4, "trifft zu": 4.5, "trifft voll zu": 5, "trifft voll und ganz zu": 5, "trifft völlig zu": 5,
  // French
  "pas du tout d'accord": 1, "fortement en désaccord": 1, "tout à fait en désaccord": 1, "totalement en désaccord": 1, "pas d'accord": 1.5, "en désaccord": 1.5, "plutôt pas d'accord": 2, "plutôt en désaccord": 2,
  "ni d'accord ni pas d'accord": 3, "ni d'accord, ni pas d'accord": 3, "ni en accord ni en désaccord": 3, "neutre": 3, "plutôt d'accord": 4, "plutôt en accord": 4, "d'accord": 4.5, "en accord": 4.5, "tout à fait d'accord": 5, "totalement d'accord": 5, "entièrement d'accord": 5, "fortement en accord": 5,
  // Spanish
  "totalmente en desacuerdo": 1, "muy en desacuerdo": 1, "completamente en desacuerdo": 1, "en desacuerdo": 1.5, "algo en desacuerdo": 2, "más bien en desacuerdo": 2, "ni de acuerdo ni en desacuerdo": 3, "neutral": 3, "indiferente": 3,
  "algo de acuerdo": 4, "más bien de acuerdo": 4, "bastante de acuerdo": 4, "de acuerdo": 4.5, "totalmente de acuerdo": 5, "muy de acuerdo": 5, "completamente de acuerdo": 5,
};

const SATISFIED: Table = {
  "sehr unzufrieden": 1, "völlig unzufrieden": 1, "unzufrieden": 1.5, "eher unzufrieden": 2, "weder zufrieden noch unzufrieden": 3, "teils/teils": 3, "eher zufrieden": 4, "zufrieden": 4.5, "sehr zufrieden": 5, "völlig zufrieden": 5,
  "très insatisfait": 1, "très insatisfaite": 1, "pas du tout satisfait": 1, "pas du tout satisfaite": 1, "insatisfait": 1.5, "insatisfaite": 1.5, "pas satisfait": 1.5, "plutôt insatisfait": 2, "plutôt insatisfaite": 2, "peu satisfait": 2,
  "ni satisfait ni insatisfait": 3, "neutre": 3, "plutôt satisfait": 4, "plutôt satisfaite": 4, "assez satisfait": 4, "satisfait": 4.5, "satisfaite": 4.5, "très satisfait": 5, "très satisfaite": 5, "tout à fait satisfait": 5,
  "muy insatisfecho": 1, "muy insatisfecha": 1, "nada satisfecho": 1, "insatisfecho": 1.5, "insatisfecha": 1.5, "algo insatisfecho": 2, "poco satisfecho": 2, "ni satisfecho ni insatisfecho": 3, "neutral": 3,
  "algo satisfecho": 4, "bastante satisfecho": 4, "satisfecho": 4.5, "satisfecha": 4.5, "muy satisfecho": 5, "muy satisfecha": 5, "totalmente satisfecho": 5,
};

const LIKELY: Table = {
  "sehr unwahrscheinlich": 1, "unwahrscheinlich": 1.5, "eher unwahrscheinlich": 2, "weder noch": 3, "eher wahrscheinlich": 4, "wahrscheinlich": 4.5, "sehr wahrscheinlich": 5, "ganz sicher": 5.5,
  "très improbable": 1, "très peu probable": 1, "pas du tout probable": 1, "improbable": 1.5, "peu probable": 1.5, "plutôt improbable": 2, "plutôt probable": 4, "assez probable": 4, "probable": 4.5, "très probable": 5, "certain": 5.5,
  "muy improbable": 1, "nada probable": 1, "poco probable": 1.5, "algo improbable": 2, "algo probable": 4, "bastante probable": 4, "muy probable": 5, "seguro": 5.5,
};

const IMPORTANT: Table = {
  "überhaupt nicht wichtig": 1, "gar nicht wichtig": 1, "völlig unwichtig": 1, "nicht wichtig": 1.5, "unwichtig": 1.5, "eher unwichtig": 2, "weniger wichtig": 2, "teils/teils": 3, "eher wichtig": 4, "wichtig": 4.5, "sehr wichtig": 5, "äußerst wichtig": 5.5,
  "pas du tout important": 1, "pas important": 1.5, "peu important": 2, "moyennement important": 3, "plutôt important": 4, "assez important": 4, "important": 4.5, "très important": 5, "extrêmement important": 5.5,
  "nada importante": 1, "sin importancia": 1, "poco importante": 2, "algo importante": 3, "moderadamente importante": 3, "bastante importante": 4, "importante": 4.5, "muy importante": 5, "sumamente importante": 5.5, "extremadamente importante": 5.5,
};

const FREQUENCY: Table = {
  never: 0, "almost never": 0.5, "hardly ever": 0.5, rarely: 1, seldom: 1, occasionally: 1.5, sometimes: 2, often: 3, "fairly often": 3, "very often": 3.5, frequently: 3.5, usually: 3.6, "most of the time": 3.6, "almost always": 3.7, always: 4,
  nie: 0, niemals: 0, "fast nie": 0.5, selten: 1, gelegentlich: 1.5, manchmal: 2, oft: 3, häufig: 3.2, "sehr oft": 3.5, "sehr häufig": 3.6, meistens: 3.6, "fast immer": 3.7, immer: 4,
  jamais: 0, "presque jamais": 0.5, rarement: 1, "de temps en temps": 1.5, parfois: 2, souvent: 3, "très souvent": 3.5, "la plupart du temps": 3.6, "presque toujours": 3.7, toujours: 4,
  nunca: 0, "casi nunca": 0.5, "rara vez": 1, raramente: 1, ocasionalmente: 1.5, "a veces": 2, "algunas veces": 2, "a menudo": 3, frecuentemente: 3.2, "con frecuencia": 3.2, "muy a menudo": 3.5, "casi siempre": 3.7, siempre: 4,
};

const QUALITY: Table = {
  "very poor": 0, poor: 1, fair: 2, average: 2, good: 3, "very good": 4, excellent: 5,
  "sehr schlecht": 0, schlecht: 1, mittelmäßig: 2, befriedigend: 2, ausreichend: 1.5, gut: 3, "sehr gut": 4, ausgezeichnet: 5, hervorragend: 5,
  "très mauvais": 0, mauvais: 1, moyen: 2, passable: 2, bon: 3, "très bon": 4,
  "muy malo": 0, malo: 1, regular: 2, bueno: 3, "muy bueno": 4, excelente: 5,
};

const AMOUNT: Table = {
  "none at all": 0, "not at all": 0, none: 0, "very little": 1, little: 1.5, "a little": 1.5, some: 2, "a moderate amount": 2, moderately: 2, "quite a bit": 3, "a lot": 3.5, "a great deal": 4,
  "überhaupt nicht": 0, "gar nicht": 0, "sehr wenig": 1, wenig: 1.5, etwas: 2, mittel: 2, ziemlich: 3, viel: 3.5, "sehr viel": 4, sehr: 4,
  "pas du tout": 0, "très peu": 1, peu: 1.5, moyennement: 2, assez: 3, beaucoup: 3.5, énormément: 4,
  nada: 0, "muy poco": 1, poco: 1.5, algo: 2, bastante: 3, mucho: 3.5, muchísimo: 4,
};

const TABLES: Table[] = [AGREE, SATISFIED, LIKELY, IMPORTANT, FREQUENCY, QUALITY, AMOUNT];

const norm = (s: string) => s.normalize("NFC").trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[.!]+$/, "").replace(/\s+/g, " ");

/**
 * Positions of `labels` on the one known scale that holds them all, or null.
 *
 * @example
 * vocabularyScores(["Stimme zu", "Stimme eher nicht zu", "Teils/teils"])?.get("Stimme zu"); // 4.5
 */
export function vocabularyScores(labels: string[]): Map<string, number> | null {
  for (const table of TABLES) {
    const scores = new Map<string, number>();
    for (const l of labels) {
      const key = norm(l);
      const v = Object.hasOwn(table, key) ? table[key] : undefined;
      if (v === undefined) break;
      scores.set(l, v);
    }
    if (scores.size === labels.length) return scores;
  }
  return null;
}
