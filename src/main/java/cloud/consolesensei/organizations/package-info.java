/**
 * AWS Organizations discovery ({@code consolesensei.organizations.*}): lists the accounts of the
 * organization from the management (or delegated administrator) account, keeps the ACTIVE ones the
 * include/exclude filters select, and turns each into an audit target reached through
 * {@code arn:<partition>:iam::<id>:role/<role-name>}. The result of a run is stored per run id so a
 * restarted execution audits the same accounts, and the workbook gets an "Organization" sheet.
 * {@link cloud.consolesensei.organizations.OrganizationDiscovery#discover} is the entry point that
 * does not touch the database (for {@code doctor}).
 */
package cloud.consolesensei.organizations;
