/** The REST API version Precall speaks; jsforce would otherwise default to 50.0. */
export const apiVersion = '62.0';
