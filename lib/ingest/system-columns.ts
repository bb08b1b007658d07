import type { QuestionType, SourceFormat } from "@/lib/schema/question";

/**
 * Vendor system columns: what survey tools add beside the questions (ids, timestamps, fraud scores,
 * device and GPS data, paradata). They become `metadata`, `date` or `id` columns, never questions;
 * people and devices (e-mail, name, phone, SIM, IMEI, IP) are `id`, which locks them for
 * respondent-level exports (lib/governance). Names are compared lower-cased and trimmed; names
 * that are also common variable names (`id`, `name`, `duration`, `start`) count only in their
 * vendor's own format.
 */

const ANY: [RegExp, QuestionType][] = [
  // Qualtrics fraud and panel fields
  [/^q_(ballotboxstuffing|relevantidfraudscore|relevantidduplicate|relevantidduplicatescore|relevantidlaststartdate|recaptchascore|totalduration|url|language|chl|unansweredpercentage|unansweredquestions|duplicaterespondent|dataqualityscore|straightliningcount|straightliningpercentage|straightliningquestions|ambiguoustextpresent|ambiguoustextquestions|uninterpretabletextpresent|uninterpretabletextquestions|clientid|sessionid)$/, "metadata"],
  [/^(panel-)?(recipientemail|recipientfirstname|recipientlastname|emailaddress)$/, "id"],
  [/^(psid|rid|pid|panelist_?id|panel_?id|respondent_?uid|transaction_?id|session_?id|tid|gid|prolific_pid|prolific_id|mturk_?id|workerid|assignmentid|hitid|study_id)$/, "id"],
  // KoboToolbox / ODK
  [/^_(uuid|id|index|submission__id|parent_index)$/, "id"],
  [/^_(status|submitted_by|validation_status|notes|tags|xform_id_string|attachments|geolocation|version_|duration|media_count|total_media|attachments_count)$/, "metadata"],
  [/^(__version__|_version_|_version|formhub\/uuid|meta\/instancename|meta\/deprecatedid|meta\/rootuuid|instancename|deprecatedid|rootuuid)$/, "metadata"],
  [/^_submission_time$/, "date"],
  [/(^|\/)(meta\/)?instanceid$/, "id"],
  [/(^|\/)(audit|audit_url|audit_url_link|_audit|text_audit|sensor_stream)$/, "metadata"],
  [/(^|[/_])(latitude|longitude|altitude)$/, "id"],
  [/^_?[\p{L}\p{N}_/]*[_/](precision|accuracy)$/u, "metadata"],
  [/(^|\/)(simserial|simid|sim_?serial|subscriberid|imei|phonenumber|phone_?number|deviceid|device_?id|devicephonenum|username|email)$/, "id"],
  // SurveyCTO
  [/^(formdef_version|review_status|review_quality|review_comments|review_corrections)$/, "metadata"],
  // LimeSurvey paradata
  [/^(interviewtime|lastpage|startlanguage|refurl|ipaddr)$/, "metadata"],
];

const BY_FORMAT: Partial<Record<SourceFormat, [RegExp, QuestionType][]>> = {
  odk: [
    [/^(key|caseid|uuid)$/, "id"],
    [/^(submissiondate|start|end|starttime|endtime|today|completiondate)$/, "date"],
    [/^(duration|formdef_version|instancename|devicephonenum|text_audit|audit)$/, "metadata"],
  ],
  limesurvey: [
    [/^(id|token)$/, "id"],
    [/^(submitdate|startdate|datestamp)$/, "date"],
    [/^(seed|lastpage|startlanguage|refurl|ipaddr|interviewtime)$/, "metadata"],
    // timing columns: `groupTime123`, `Q1Time`, `q1time`
    [/^[\p{L}\p{N}_]*time$/u, "metadata"],
    [/^grouptime\d+$/, "metadata"],
  ],
  "microsoft-forms": [
    [/^(id)$/, "id"],
    [/^(email|name|e-mail)$/, "id"],
    [/^(start time|completion time|last modified time|start_time|completion_time)$/, "date"],
    [/^(total points|quiz feedback|points - .*|feedback - .*)$/, "metadata"],
  ],
};

/**
 * The type a vendor system column must take, or undefined for a question.
 *
 * @example
 * systemColumnType("Q_BallotBoxStuffing"); // "metadata"
 * systemColumnType("_submitted_by"); // "metadata"
 * systemColumnType("KEY", "odk"); // "id"
 * systemColumnType("Age"); // undefined
 */
export function systemColumnType(header: string, format?: SourceFormat): QuestionType | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, " ");
  if (!h) return undefined;
  for (const [re, type] of format ? (BY_FORMAT[format] ?? []) : []) if (re.test(h)) return type;
  for (const [re, type] of ANY) if (re.test(h)) return type;
  return undefined;
}
