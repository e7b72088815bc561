/** SIP trunks: the carriers through which calls reach and come from the phone network. */
package asia.oncaller.trunks;
